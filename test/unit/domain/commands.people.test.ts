import { describe, expect, it } from 'vitest';
import {
  addIncentive,
  addStakeholder,
  removeIncentive,
  removeStakeholder,
  updateIncentive,
  updateStakeholder,
} from '../../../src/domain/commands';
import { asIncentiveId } from '../../../src/domain/ids';
import type { IncentiveKind } from '../../../src/domain/model';
import { expectOk, expectRefusal, g, s, sampleMap } from './commands.fixture';

const i = asIncentiveId;
const kimOnMission = { stakeholderId: s('s3'), goalId: g('g1'), kind: 'motivated' } as const;

describe('addStakeholder', () => {
  it('adds a stakeholder in the palette colour nobody uses yet', () => {
    const after = expectOk(addStakeholder(sampleMap(), { id: s('s4'), name: 'Ola' }));
    expect(after.stakeholders.at(-1)).toEqual({
      id: 's4',
      name: 'Ola',
      role: '',
      team: '',
      color: '#9c36b5',
      notes: '',
      position: null,
    });
  });

  it('keeps a colour the user chose, in either case', () => {
    const after = expectOk(addStakeholder(sampleMap(), { name: 'Ola', color: '#ABCDEF' }));
    expect(after.stakeholders.at(-1)?.color).toBe('#ABCDEF');
  });

  it('refuses a blank name, a colour that is not #rrggbb and a taken id', () => {
    expect(expectRefusal(addStakeholder(sampleMap(), { name: ' ' }))).toEqual({
      code: 'invalid',
      field: 'name',
      message: 'A stakeholder needs a name.',
    });
    expect(expectRefusal(addStakeholder(sampleMap(), { name: 'Ola', color: 'red' }))).toEqual({
      code: 'invalid',
      field: 'color',
      message: '"red" is not a colour like #1864ab.',
    });
    expect(expectRefusal(addStakeholder(sampleMap(), { id: s('s1'), name: 'Ola' }))).toMatchObject({
      code: 'duplicate',
      record: 'stakeholder',
      existingId: 's1',
    });
  });
});

describe('updateStakeholder', () => {
  it('patches only the given fields', () => {
    const after = expectOk(updateStakeholder(sampleMap(), s('s2'), { team: 'Finance' }));
    expect(after.stakeholders[1]).toEqual({ ...sampleMap().stakeholders[1], team: 'Finance' });
  });

  it('refuses an unknown stakeholder, a blank name and a bad colour', () => {
    expect(expectRefusal(updateStakeholder(sampleMap(), s('s9'), { name: 'X' }))).toEqual({
      code: 'not-found',
      record: 'stakeholder',
      id: 's9',
      message: 'There is no stakeholder "s9".',
    });
    expect(expectRefusal(updateStakeholder(sampleMap(), s('s1'), { name: '' }))).toMatchObject({
      field: 'name',
    });
    expect(
      expectRefusal(updateStakeholder(sampleMap(), s('s1'), { color: '#12345' })),
    ).toMatchObject({ field: 'color' });
  });
});

describe('removeStakeholder', () => {
  it('removes their incentives and a conflict left with one party', () => {
    const after = expectOk(removeStakeholder(sampleMap(), s('s1')));
    expect(after.stakeholders.map((x) => x.id)).toEqual(['s2', 's3']);
    expect(after.incentives.map((x) => x.id)).toEqual(['i2']);
    expect(after.conflicts.map((c) => c.id)).toEqual(['c2']);
    expect(after.conflicts[0]?.parties).toEqual(['s2', 's3']);
    expect(Object.keys(after.conflicts[0]?.perspectives ?? {})).toEqual(['s2', 's3']);
  });

  it('keeps a conflict that still has two parties, and its perspectives', () => {
    const before = sampleMap();
    const after = expectOk(removeStakeholder(before, s('s3')));
    expect(after.conflicts[0]).toBe(before.conflicts[0]);
    expect(after.conflicts[1]?.parties).toEqual(['s1', 's2']);
  });

  it('refuses an unknown stakeholder', () => {
    expect(expectRefusal(removeStakeholder(sampleMap(), s('s9')))).toMatchObject({
      code: 'not-found',
      id: 's9',
    });
  });
});

describe('addIncentive', () => {
  it('ties a stakeholder to a goal, with the same goal allowed again under another kind', () => {
    const once = expectOk(addIncentive(sampleMap(), { ...kimOnMission, id: i('i3') }));
    expect(once.incentives.at(-1)).toEqual({ ...kimOnMission, id: 'i3', weight: null, note: '' });
    const twice = expectOk(addIncentive(once, { ...kimOnMission, kind: 'measured', weight: 1 }));
    expect(twice.incentives).toHaveLength(4);
  });

  it('refuses a second incentive of the same kind on the same goal', () => {
    const dup = { stakeholderId: s('s1'), goalId: g('g4'), kind: 'rewarded' } as const;
    expect(expectRefusal(addIncentive(sampleMap(), dup))).toEqual({
      code: 'duplicate',
      record: 'incentive',
      existingId: 'i1',
      message: 'Dana is already rewarded on "New ARR".',
    });
    const once = expectOk(addIncentive(sampleMap(), { ...kimOnMission, id: i('i3') }));
    expect(expectRefusal(addIncentive(once, kimOnMission)).message).toBe(
      'Kim is already motivated by "Make work joyful".',
    );
  });

  it.each([1.01, -0.1, Number.NaN, Number.POSITIVE_INFINITY])('refuses weight %s', (weight) => {
    expect(expectRefusal(addIncentive(sampleMap(), { ...kimOnMission, weight }))).toEqual({
      code: 'invalid',
      field: 'weight',
      message: 'The weight must be a number from 0 to 1.',
    });
  });

  it('refuses an unknown stakeholder, an unknown goal, a bad kind and a taken id', () => {
    const notAKind: string = 'paid';
    const cases = [
      [
        { ...kimOnMission, stakeholderId: s('s9') },
        { code: 'not-found', record: 'stakeholder' },
      ],
      [
        { ...kimOnMission, goalId: g('g9') },
        { code: 'not-found', record: 'goal' },
      ],
      [
        { ...kimOnMission, kind: notAKind as IncentiveKind },
        { code: 'invalid', field: 'kind' },
      ],
      [
        { ...kimOnMission, id: i('i1') },
        { code: 'duplicate', existingId: 'i1' },
      ],
    ] as const;
    for (const [input, expected] of cases) {
      expect(expectRefusal(addIncentive(sampleMap(), input))).toMatchObject(expected);
    }
  });
});

describe('updateIncentive and removeIncentive', () => {
  it('changes weight, kind and goal, keeping what the patch leaves out', () => {
    const after = expectOk(
      updateIncentive(sampleMap(), i('i1'), { weight: null, kind: 'measured', goalId: g('g2') }),
    );
    expect(after.incentives[0]).toEqual({
      id: 'i1',
      stakeholderId: 's1',
      goalId: 'g2',
      kind: 'measured',
      weight: null,
      note: '',
    });
  });

  it('refuses a change that duplicates another incentive, a bad weight and an unknown id', () => {
    const other = expectOk(addIncentive(sampleMap(), { ...kimOnMission, id: i('i3') }));
    const clash = { stakeholderId: s('s3'), goalId: g('g1'), kind: 'motivated' } as const;
    expect(expectRefusal(updateIncentive(other, i('i2'), clash))).toMatchObject({
      code: 'duplicate',
      existingId: 'i3',
    });
    expect(expectRefusal(updateIncentive(other, i('i2'), { weight: 2 }))).toMatchObject({
      field: 'weight',
    });
    expect(expectRefusal(updateIncentive(other, i('i9'), { note: 'x' }))).toMatchObject({
      code: 'not-found',
      record: 'incentive',
    });
  });

  it('removes an incentive, and refuses an unknown one', () => {
    const after = expectOk(removeIncentive(sampleMap(), i('i1')));
    expect(after.incentives.map((x) => x.id)).toEqual(['i2']);
    expect(expectRefusal(removeIncentive(sampleMap(), i('i9')))).toMatchObject({
      code: 'not-found',
      id: 'i9',
    });
  });
});
