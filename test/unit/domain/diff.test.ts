import { describe, expect, it } from 'vitest';
import {
  addGoal,
  addStakeholder,
  moveGoal,
  removeConflict,
  removeGoal,
  renameMap,
  updateGoal,
  type CommandResult,
} from '../../../src/domain/commands';
import { diffMaps, hasNoChanges } from '../../../src/domain/diff';
import { createExampleMap } from '../../../src/domain/exampleMap';
import { asGoalId, asStakeholderId } from '../../../src/domain/ids';
import type { MapDocument } from '../../../src/domain/model';

const example = createExampleMap('2026-01-01T00:00:00.000Z');

function unwrap(result: CommandResult): MapDocument {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** Applies edits one after another, as a user would. */
const edit = (doc: MapDocument, ...steps: ((d: MapDocument) => CommandResult)[]): MapDocument =>
  steps.reduce((d, step) => unwrap(step(d)), doc);

const names = (records: readonly { readonly name: string }[]) => records.map((r) => r.name);

describe('diffMaps', () => {
  it('finds nothing between a map and itself, or a copy with keys in another order', () => {
    expect(hasNoChanges(diffMaps(example, example))).toBe(true);
    const reordered: MapDocument = {
      ...example,
      goals: example.goals.map(({ title, id, ...rest }) => ({ ...rest, title, id })),
    };
    expect(hasNoChanges(diffMaps(example, reordered))).toBe(true);
  });

  it('names goals, stakeholders and conflicts added, removed and changed, and counts links', () => {
    const [mission, objective] = example.goals;
    const [conflict] = example.conflicts;
    if (!mission || !objective || !conflict) throw new Error('example map changed');
    const later = edit(
      example,
      (d) => addGoal(d, { id: asGoalId('g-new'), title: 'Grow the partner channel' }),
      (d) => removeGoal(d, objective.id),
      (d) => updateGoal(d, mission.id, { description: 'Sharper' }),
      (d) => addStakeholder(d, { id: asStakeholderId('s-new'), name: 'Robin' }),
      (d) => removeConflict(d, conflict.id),
      (d) => renameMap(d, 'Northwind 2027'),
    );
    const changes = diffMaps(example, later);
    expect(names(changes.goals.added)).toEqual(['Grow the partner channel']);
    expect(names(changes.goals.removed)).toEqual([objective.title]);
    expect(names(changes.goals.changed)).toEqual([mission.title]);
    expect(names(changes.stakeholders.added)).toEqual(['Robin']);
    expect(changes.stakeholders.removed).toEqual([]);
    expect(names(changes.conflicts.removed)).toEqual([conflict.title]);
    // Removing a goal removes its links, named by the goals they join.
    const removedLinks = example.links.filter(
      (l) => l.from === objective.id || l.to === objective.id,
    );
    expect(changes.links.removed).toHaveLength(removedLinks.length);
    expect(changes.links.removed[0]?.name).toContain(objective.title);
    expect(changes.details).toEqual({ renamed: true, describedAnew: false });
    expect(hasNoChanges(changes)).toBe(false);
  });

  it('reports goals that only moved apart from changed ones', () => {
    const [goal] = example.goals;
    if (!goal) throw new Error('example map changed');
    const moved = edit(example, (d) => moveGoal(d, goal.id, { x: 500, y: 40, pinned: true }));
    const changes = diffMaps(example, moved);
    expect(changes.goals.changed).toEqual([]);
    expect(names(changes.moved)).toEqual([goal.title]);
    expect(hasNoChanges(changes)).toBe(false);
  });
});
