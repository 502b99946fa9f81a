import { describe, expect, it } from 'vitest';
import { updateGoal } from '../../../src/domain/commands';
import { createExampleMap } from '../../../src/domain/exampleMap';
import { buildConflictBrief } from '../../../src/io/brief';
import { exportMermaid } from '../../../src/io/mermaid';
import { formatMetric } from '../../../src/io/metric';

const empty = { unit: '%', current: null, target: null, direction: 'up' } as const;

describe('a metric with no figures yet', () => {
  it('formats as nothing; one figure is enough to show it', () => {
    expect(formatMetric(empty)).toBeNull();
    expect(formatMetric({ ...empty, target: 30 })).toBe('— → 30% ↑');
  });

  it('shows as nothing in the brief and in Mermaid, where "— → — ↑" said nothing', () => {
    const example = createExampleMap('2026-01-01T00:00:00.000Z');
    const conflict = example.conflicts[0];
    const held = example.incentives.find((i) => conflict?.parties.includes(i.stakeholderId));
    const goal = example.goals.find((g) => g.id === held?.goalId && g.metric !== null);
    if (!conflict || !goal) throw new Error('the example needs a party holding a KPI');
    const edited = updateGoal(example, goal.id, { metric: empty });
    if (!edited.ok) throw new Error('the edit is refused');
    expect(buildConflictBrief(edited.value, conflict.id)).toContain(`**${goal.title}**`);
    expect(buildConflictBrief(edited.value, conflict.id)).not.toContain('— → —');
    expect(exportMermaid(edited.value)).not.toContain('— → —');
    expect(buildConflictBrief(example, conflict.id)).toContain(' → ');
  });
});
