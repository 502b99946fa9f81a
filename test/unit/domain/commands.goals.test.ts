import { describe, expect, it } from 'vitest';
import {
  addGoal,
  moveGoal,
  moveGoals,
  removeGoal,
  removeGoals,
  renameMap,
  updateGoal,
} from '../../../src/domain/commands';
import { DEFAULT_METRIC } from '../../../src/domain/factories';
import type { GoalKind, Metric } from '../../../src/domain/model';
import { expectOk, expectRefusal, g, sampleMap } from './commands.fixture';

// Strings a <select> or a script can pass past the type checker.
const notAKind: string = 'vision';
const notADirection: string = 'sideways';

const titles = (doc: ReturnType<typeof sampleMap>) => doc.goals.map((goal) => goal.title);

describe('addGoal', () => {
  it('appends a goal with defaults and leaves the map timestamps alone', () => {
    const before = sampleMap();
    const after = expectOk(addGoal(before, { id: g('g5'), title: 'Margin' }));
    expect(after.goals.at(-1)).toEqual({
      id: 'g5',
      title: 'Margin',
      kind: 'objective',
      description: '',
      metric: null,
      position: null,
      owner: null,
    });
    expect(after.map).toBe(before.map);
    expect(before.goals).toHaveLength(4);
  });

  it('gives a new KPI an empty metric and keeps a title exactly as typed', () => {
    const after = expectOk(addGoal(sampleMap(), { id: g('g5'), title: 'NPS ', kind: 'kpi' }));
    expect(after.goals.at(-1)).toMatchObject({ title: 'NPS ', metric: DEFAULT_METRIC });
  });

  it('generates an id when none is given', () => {
    const after = expectOk(addGoal(sampleMap(), { title: 'Margin' }));
    expect(after.goals.at(-1)?.id).toMatch(/^g_[0-9a-z]{9}$/);
  });

  it('refuses a blank title', () => {
    expect(expectRefusal(addGoal(sampleMap(), { title: '  \t' }))).toEqual({
      code: 'invalid',
      field: 'title',
      message: 'A goal needs a title.',
    });
  });

  it('refuses an id that is already taken', () => {
    expect(expectRefusal(addGoal(sampleMap(), { id: g('g2'), title: 'Twin' }))).toEqual({
      code: 'duplicate',
      record: 'goal',
      existingId: 'g2',
      message: 'There is already a goal with id "g2".',
    });
  });

  it('refuses a kind that is not a goal kind', () => {
    const error = expectRefusal(addGoal(sampleMap(), { title: 'X', kind: notAKind as GoalKind }));
    expect(error).toMatchObject({ code: 'invalid', field: 'kind' });
    expect(error.message).toBe('"vision" is not a kind of goal (mission, objective or kpi).');
  });

  it.each<[string, Partial<Metric>]>([
    ['metric.current', { current: Number.NaN }],
    ['metric.target', { target: Number.POSITIVE_INFINITY }],
    ['metric.direction', { direction: notADirection as Metric['direction'] }],
  ])('refuses a metric with a bad %s', (field, bad) => {
    const metric = { ...DEFAULT_METRIC, ...bad };
    const error = expectRefusal(addGoal(sampleMap(), { title: 'X', kind: 'kpi', metric }));
    expect(error).toMatchObject({ code: 'invalid', field });
  });

  it('refuses a position off the canvas', () => {
    const position = { x: Number.NaN, y: 0, pinned: true };
    const error = expectRefusal(addGoal(sampleMap(), { title: 'X', position }));
    expect(error).toMatchObject({ code: 'invalid', field: 'position' });
  });
});

describe('updateGoal', () => {
  it('patches only the given fields', () => {
    const after = expectOk(updateGoal(sampleMap(), g('g2'), { description: 'ARR + services' }));
    expect(after.goals[1]).toEqual({ ...sampleMap().goals[1], description: 'ARR + services' });
    expect(titles(after)).toEqual(titles(sampleMap()));
  });

  it('gives an objective turned KPI an empty metric, and keeps it when turned back', () => {
    const kpi = expectOk(updateGoal(sampleMap(), g('g2'), { kind: 'kpi' }));
    expect(kpi.goals[1]?.metric).toEqual(DEFAULT_METRIC);
    const measured = expectOk(
      updateGoal(kpi, g('g2'), { metric: { ...DEFAULT_METRIC, unit: '€k', current: 90 } }),
    );
    const back = expectOk(updateGoal(measured, g('g2'), { kind: 'objective' }));
    expect(back.goals[1]).toMatchObject({ kind: 'objective', metric: { unit: '€k', current: 90 } });
  });

  it('can clear a metric explicitly', () => {
    const after = expectOk(updateGoal(sampleMap(), g('g3'), { metric: null }));
    expect(after.goals[2]?.metric).toBeNull();
  });

  it('refuses an unknown goal', () => {
    expect(expectRefusal(updateGoal(sampleMap(), g('g9'), { title: 'X' }))).toEqual({
      code: 'not-found',
      record: 'goal',
      id: 'g9',
      message: 'There is no goal "g9".',
    });
  });

  it('refuses a title that is only spaces', () => {
    const error = expectRefusal(updateGoal(sampleMap(), g('g2'), { title: '   ' }));
    expect(error).toMatchObject({ code: 'invalid', field: 'title' });
  });

  it('refuses a metric value that is not finite', () => {
    const metric = { ...DEFAULT_METRIC, current: Number.NEGATIVE_INFINITY };
    const error = expectRefusal(updateGoal(sampleMap(), g('g3'), { metric }));
    expect(error).toMatchObject({ code: 'invalid', field: 'metric.current' });
  });
});

describe('removeGoal and removeGoals', () => {
  it('removes the goal with its links and incentives and forgets it as an agreed goal', () => {
    const before = sampleMap();
    const after = expectOk(removeGoal(before, g('g2')));
    expect(titles(after)).toEqual(['Make work joyful', 'Churn', 'New ARR']);
    expect(after.links).toEqual([]);
    expect(after.incentives).toEqual(before.incentives);
    expect(after.conflicts[0]?.agreedGoalId).toBeNull();
    expect(after.conflicts[1]).toBe(before.conflicts[1]);
  });

  it('removes the incentives held on a removed goal', () => {
    const after = expectOk(removeGoal(sampleMap(), g('g4')));
    expect(after.incentives.map((i) => i.id)).toEqual(['i2']);
    expect(after.links.map((l) => l.id)).toEqual(['l1', 'l2']);
  });

  it('removes many goals in one edit', () => {
    const after = expectOk(removeGoals(sampleMap(), [g('g3'), g('g4'), g('g3')]));
    expect(titles(after)).toEqual(['Make work joyful', 'Revenue']);
    expect(after.incentives).toEqual([]);
  });

  it('refuses the whole removal when one goal is unknown', () => {
    const error = expectRefusal(removeGoals(sampleMap(), [g('g3'), g('nope')]));
    expect(error).toMatchObject({ code: 'not-found', record: 'goal', id: 'nope' });
  });
});

describe('moveGoal and moveGoals', () => {
  it('places and pins a goal, and hands it back to auto layout with null', () => {
    const position = { x: 10, y: -20, pinned: true };
    const placed = expectOk(moveGoal(sampleMap(), g('g3'), position));
    expect(placed.goals[2]?.position).toEqual(position);
    const released = expectOk(moveGoal(placed, g('g3'), null));
    expect(released.goals[2]?.position).toBeNull();
  });

  it('moves several goals at once and leaves the others as they were', () => {
    const before = sampleMap();
    const moves = new Map([
      [g('g1'), { x: 0, y: 0, pinned: false }],
      [g('g4'), { x: 5, y: 6, pinned: true }],
    ]);
    const after = expectOk(moveGoals(before, moves));
    expect(after.goals.map((goal) => goal.position)).toEqual([
      { x: 0, y: 0, pinned: false },
      null,
      null,
      { x: 5, y: 6, pinned: true },
    ]);
    expect(after.goals[1]).toBe(before.goals[1]);
  });

  it('refuses an unknown goal and a position that is not finite', () => {
    const position = { x: 1, y: Number.POSITIVE_INFINITY, pinned: true };
    expect(expectRefusal(moveGoal(sampleMap(), g('g9'), null))).toMatchObject({
      code: 'not-found',
      id: 'g9',
    });
    expect(expectRefusal(moveGoal(sampleMap(), g('g1'), position))).toMatchObject({
      code: 'invalid',
      field: 'position',
    });
  });
});

describe('renameMap', () => {
  it('renames the map without stamping the time', () => {
    const before = sampleMap();
    const after = expectOk(renameMap(before, 'Acme 2027'));
    expect(after.map).toEqual({ ...before.map, name: 'Acme 2027' });
  });

  it('refuses a blank name', () => {
    expect(expectRefusal(renameMap(sampleMap(), ' '))).toEqual({
      code: 'invalid',
      field: 'name',
      message: 'A map needs a name.',
    });
  });
});
