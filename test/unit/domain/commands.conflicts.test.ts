import { describe, expect, it } from 'vitest';
import { addConflict, removeConflict, updateConflict } from '../../../src/domain/commands';
import { asConflictId } from '../../../src/domain/ids';
import type { ConflictStatus } from '../../../src/domain/model';
import { expectOk, expectRefusal, g, s, sampleMap } from './commands.fixture';

const c = asConflictId;
const pricing = { id: c('c3'), title: 'Pricing page', parties: [s('s2'), s('s3')] };

describe('addConflict', () => {
  it('adds an open conflict with an empty perspective per party', () => {
    const after = expectOk(addConflict(sampleMap(), pricing));
    const added = after.conflicts.at(-1);
    expect(added).toMatchObject({ ...pricing, status: 'open', agreedGoalId: null, notes: '' });
    expect({ ...added?.perspectives }).toEqual({ s2: '', s3: '' });
    expect(Object.getPrototypeOf(added?.perspectives)).toBeNull();
  });

  it('keeps given perspectives, status and agreed goal', () => {
    const input = {
      ...pricing,
      status: 'resolved',
      perspectives: { s3: 'Users are confused' },
      agreedGoalId: g('g3'),
    } as const;
    const added = expectOk(addConflict(sampleMap(), input)).conflicts.at(-1);
    expect(added).toMatchObject({ status: 'resolved', agreedGoalId: 'g3' });
    expect({ ...added?.perspectives }).toEqual({ s2: '', s3: 'Users are confused' });
  });

  it('refuses fewer than two different parties', () => {
    const expected = {
      code: 'invalid',
      field: 'parties',
      message: 'A conflict needs at least two different parties.',
    };
    expect(expectRefusal(addConflict(sampleMap(), { ...pricing, parties: [s('s2')] }))).toEqual(
      expected,
    );
    expect(expectRefusal(addConflict(sampleMap(), { ...pricing, parties: [] }))).toEqual(expected);
  });

  it('refuses a party listed twice', () => {
    const parties = [s('s2'), s('s3'), s('s2')];
    expect(expectRefusal(addConflict(sampleMap(), { ...pricing, parties }))).toEqual({
      code: 'invalid',
      field: 'parties',
      message: 'Eli is listed twice.',
    });
  });

  it('refuses an unknown party and an unknown agreed goal', () => {
    const parties = [s('s2'), s('s9')];
    expect(expectRefusal(addConflict(sampleMap(), { ...pricing, parties }))).toMatchObject({
      code: 'not-found',
      record: 'stakeholder',
      id: 's9',
    });
    const agreedGoalId = g('g9');
    expect(expectRefusal(addConflict(sampleMap(), { ...pricing, agreedGoalId }))).toMatchObject({
      code: 'not-found',
      record: 'goal',
      id: 'g9',
    });
  });

  it('refuses a perspective of someone who is not a party', () => {
    const perspectives = { s1: 'Not in this one' };
    expect(expectRefusal(addConflict(sampleMap(), { ...pricing, perspectives }))).toEqual({
      code: 'invalid',
      field: 'perspectives',
      message: 'Dana is not a party to this conflict.',
    });
  });

  it('refuses a blank title, an unknown status and a taken id', () => {
    const notAStatus: string = 'stuck';
    const status = notAStatus as ConflictStatus;
    expect(expectRefusal(addConflict(sampleMap(), { ...pricing, title: '' }))).toMatchObject({
      field: 'title',
    });
    expect(expectRefusal(addConflict(sampleMap(), { ...pricing, status }))).toMatchObject({
      field: 'status',
      message: '"stuck" is not a status (open or resolved).',
    });
    expect(expectRefusal(addConflict(sampleMap(), { ...pricing, id: c('c1') }))).toMatchObject({
      code: 'duplicate',
      record: 'conflict',
      existingId: 'c1',
    });
  });
});

describe('updateConflict', () => {
  it('merges perspectives party by party', () => {
    const after = expectOk(
      updateConflict(sampleMap(), c('c1'), { perspectives: { s1: 'Deals need speed' } }),
    );
    expect({ ...after.conflicts[0]?.perspectives }).toEqual({
      s1: 'Deals need speed',
      s2: 'Discounts eat the margin',
    });
  });

  it('drops the perspectives of parties taken off and starts new ones empty', () => {
    const parties = [s('s2'), s('s3')];
    const after = expectOk(updateConflict(sampleMap(), c('c1'), { parties }));
    expect(after.conflicts[0]?.parties).toEqual(parties);
    expect({ ...after.conflicts[0]?.perspectives }).toEqual({
      s2: 'Discounts eat the margin',
      s3: '',
    });
  });

  it('records the agreed goal and resolves, or forgets the agreed goal', () => {
    const patch = { agreedGoalId: g('g1'), status: 'resolved' } as const;
    const resolved = expectOk(updateConflict(sampleMap(), c('c2'), patch));
    expect(resolved.conflicts[1]).toMatchObject(patch);
    const reopened = expectOk(updateConflict(resolved, c('c2'), { agreedGoalId: null }));
    expect(reopened.conflicts[1]).toMatchObject({ agreedGoalId: null, status: 'resolved' });
  });

  it('refuses an unknown conflict, too few parties and a stray perspective', () => {
    expect(expectRefusal(updateConflict(sampleMap(), c('c9'), { notes: 'x' }))).toEqual({
      code: 'not-found',
      record: 'conflict',
      id: 'c9',
      message: 'There is no conflict "c9".',
    });
    const lonely = { parties: [s('s1')] };
    expect(expectRefusal(updateConflict(sampleMap(), c('c1'), lonely))).toMatchObject({
      field: 'parties',
    });
    const stray = { perspectives: { s3: 'Me too' } };
    expect(expectRefusal(updateConflict(sampleMap(), c('c1'), stray))).toMatchObject({
      field: 'perspectives',
      message: 'Kim is not a party to this conflict.',
    });
  });
});

describe('removeConflict', () => {
  it('removes a conflict and refuses an unknown one', () => {
    const after = expectOk(removeConflict(sampleMap(), c('c1')));
    expect(after.conflicts.map((x) => x.id)).toEqual(['c2']);
    expect(expectRefusal(removeConflict(after, c('c1')))).toMatchObject({ code: 'not-found' });
  });
});
