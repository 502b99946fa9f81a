import { describe, expect, it } from 'vitest';
import {
  buildAlignmentMatrix,
  buildGoalIndex,
  findCommonGround,
  findConflictRadar,
  type CommonGroundAnswered,
} from '../../../src/domain/engine';
import { createExampleMap } from '../../../src/domain/exampleMap';
import { checkInvariants } from '../../../src/domain/invariants';
import { findEscalationPoint } from '../../../src/domain/reportingLines';

const NOW = '2026-01-01T00:00:00.000Z';
const example = createExampleMap(NOW);
const index = buildGoalIndex(example);

function conflictResult(id: string): CommonGroundAnswered {
  const conflict = example.conflicts.find((c) => c.id === id);
  if (!conflict) throw new Error(`no conflict ${id}`);
  const result = findCommonGround(index, conflict.parties);
  if (result.status !== 'found' && result.status !== 'already-shared') {
    throw new Error(`${id}: expected an answer, got ${result.status}`);
  }
  return result;
}

describe('createExampleMap', () => {
  it('keeps every invariant', () => {
    expect(checkInvariants(example)).toEqual([]);
  });

  it('is a realistic company: a mission, objectives, KPIs with metrics, shared KPIs', () => {
    const kinds = example.goals.map((g) => g.kind);
    expect(kinds.filter((k) => k === 'mission')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'objective').length).toBeGreaterThanOrEqual(3);
    const kpis = example.goals.filter((g) => g.kind === 'kpi');
    expect(kpis.length).toBeGreaterThanOrEqual(12);
    expect(kpis.every((g) => g.metric !== null && g.metric.unit !== '')).toBe(true);
    const parentCount = (id: string) => example.links.filter((l) => l.from === id).length;
    expect(kpis.filter((g) => parentCount(g.id) >= 2).length).toBeGreaterThanOrEqual(2);
  });

  it('has seven stakeholders in distinct colours, each with noted incentives', () => {
    expect(example.stakeholders).toHaveLength(7);
    expect(new Set(example.stakeholders.map((s) => s.color)).size).toBe(7);
    for (const s of example.stakeholders) {
      const held = example.incentives.filter((i) => i.stakeholderId === s.id);
      expect(held.length, s.id).toBeGreaterThan(0);
      expect(held.every((i) => i.note !== '')).toBe(true);
    }
  });

  it('gives every conflict party a perspective', () => {
    expect(example.conflicts.length).toBeGreaterThanOrEqual(3);
    for (const c of example.conflicts) {
      expect(Object.keys(c.perspectives).sort()).toEqual([...c.parties].sort());
    }
  });

  it('is the same map every time, apart from the timestamps', () => {
    const later = createExampleMap('2027-06-01T00:00:00.000Z');
    expect({ ...later, map: { ...later.map, createdAt: NOW, updatedAt: NOW } }).toEqual(example);
  });
});

describe('the example conflicts teach every kind of answer', () => {
  it('CEO and CFO already share operating margin', () => {
    const result = conflictResult('c-hiring-plan');
    expect(result.status).toBe('already-shared');
    expect(result.answers[0]).toMatchObject({ goalId: 'g-operating-margin', totalClimb: 0 });
  });

  it('sales and marketing each climb two levels to grow ARR efficiently', () => {
    const result = conflictResult('c-lead-quality');
    expect(result.status).toBe('found');
    expect(result.answers[0]?.goalId).toBe('g-grow-arr');
    expect(result.answers[0]?.climbs.map((c) => c.climb)).toEqual([2, 2]);
  });

  it('product and customer success have two lowest common goals, tied and ordered by title', () => {
    const result = conflictResult('c-roadmap');
    expect(result.answers.map((a) => [a.goalId, a.totalClimb, a.maxClimb])).toEqual([
      ['g-adoption', 2, 1],
      ['g-grow-arr', 2, 1],
    ]);
  });

  it('three parties meet only at the mission', () => {
    const result = conflictResult('c-enterprise-sso');
    expect(result.answers.map((a) => a.goalId)).toEqual(['g-mission']);
    expect(result.answers[0]?.climbs).toHaveLength(3);
  });

  it('every pair of stakeholders has a finite climb in the alignment matrix', () => {
    const matrix = buildAlignmentMatrix(index);
    expect(matrix.climbs.flat().every(Number.isFinite)).toBe(true);
  });
});

describe('the example’s trade-offs and org chart', () => {
  const radar = findConflictRadar(example, index);
  const onRadar = (parties: readonly string[]) =>
    radar.some((pair) => pair.parties.every((p) => parties.includes(p)));

  it('put every example conflict on the conflict radar', () => {
    for (const conflict of example.conflicts)
      expect(onRadar(conflict.parties), conflict.id).toBe(true);
  });

  it('show pairs nobody has named yet, retention against margin first', () => {
    const unnamed = radar.filter(
      (pair) => !example.conflicts.some((c) => pair.parties.every((p) => c.parties.includes(p))),
    );
    expect(unnamed.map((p) => [...p.parties].sort().join(' '))).toEqual([
      's-cfo s-head-cs',
      's-cto s-head-cs',
    ]);
  });

  it('make every conflict land with the CEO, two levels up for product and customer success', () => {
    for (const conflict of example.conflicts) {
      expect(
        findEscalationPoint(example.reportingLines, conflict.parties),
        conflict.id,
      ).toMatchObject({
        status: 'found',
        managerId: 's-ceo',
      });
    }
    const roadmap = example.conflicts.find((c) => c.id === 'c-roadmap');
    expect(findEscalationPoint(example.reportingLines, roadmap?.parties ?? [])).toEqual({
      status: 'found',
      managerId: 's-ceo',
      steps: [2, 2],
    });
  });

  it('name an owner for every objective and the mission', () => {
    const unowned = example.goals.filter((g) => g.kind !== 'kpi' && g.owner === null);
    expect(unowned).toEqual([]);
  });
});
