import { describe, expect, it } from 'vitest';
import {
  addTradeOff,
  removeGoal,
  removeStakeholder,
  removeTradeOff,
  setReportsTo,
  updateGoal,
  updateTradeOff,
} from '../../../src/domain/commands';
import { asReportingLineId, asTradeOffId } from '../../../src/domain/ids';
import { checkInvariants } from '../../../src/domain/invariants';
import { expectOk, expectRefusal, g, s, sampleMap } from './commands.fixture';

const t = asTradeOffId;

describe('trade-offs', () => {
  it('adds a trade-off with its note and leaves the links alone', () => {
    const before = sampleMap();
    const after = expectOk(
      addTradeOff(before, { id: t('t1'), a: g('g4'), b: g('g3'), note: 'discounts churn' }),
    );
    expect(after.tradeOffs).toEqual([{ id: 't1', a: 'g4', b: 'g3', note: 'discounts churn' }]);
    expect(after.links).toBe(before.links);
    expect(checkInvariants(after)).toEqual([]);
  });

  it('refuses the same pair the other way round, and a goal against itself', () => {
    const once = expectOk(addTradeOff(sampleMap(), { id: t('t1'), a: g('g4'), b: g('g3') }));
    expect(expectRefusal(addTradeOff(once, { a: g('g3'), b: g('g4') }))).toEqual({
      code: 'duplicate',
      record: 'trade-off',
      existingId: 't1',
      message: '"Churn" already trades off against "New ARR".',
    });
    expect(expectRefusal(addTradeOff(once, { a: g('g2'), b: g('g2') })).message).toBe(
      '"Revenue" cannot trade off against itself.',
    );
    expect(expectRefusal(addTradeOff(once, { a: g('g2'), b: g('nope') })).code).toBe('not-found');
  });

  it('edits the note, removes the trade-off, and goes with a removed goal', () => {
    const doc = expectOk(addTradeOff(sampleMap(), { id: t('t1'), a: g('g4'), b: g('g3') }));
    expect(expectOk(updateTradeOff(doc, t('t1'), 'why')).tradeOffs[0]?.note).toBe('why');
    expect(expectOk(removeTradeOff(doc, t('t1'))).tradeOffs).toEqual([]);
    expect(expectRefusal(removeTradeOff(doc, t('t9'))).code).toBe('not-found');
    expect(expectOk(removeGoal(doc, g('g3'))).tradeOffs).toEqual([]);
  });
});

describe('reporting lines and owners', () => {
  it('sets, replaces and clears whom someone reports to', () => {
    const one = expectOk(setReportsTo(sampleMap(), s('s1'), s('s2')));
    expect(one.reportingLines.map((r) => [r.from, r.to])).toEqual([['s1', 's2']]);
    const moved = expectOk(setReportsTo(one, s('s1'), s('s3')));
    expect(moved.reportingLines.map((r) => [r.from, r.to])).toEqual([['s1', 's3']]);
    expect(expectOk(setReportsTo(moved, s('s1'), null)).reportingLines).toEqual([]);
  });

  it('refuses a reporting loop, naming the people in order', () => {
    const chain = expectOk(
      setReportsTo(expectOk(setReportsTo(sampleMap(), s('s1'), s('s2'))), s('s2'), s('s3')),
    );
    expect(expectRefusal(setReportsTo(chain, s('s3'), s('s1')))).toEqual({
      code: 'invalid',
      field: 'reportsTo',
      message:
        'Kim cannot report to Dana: that would make a reporting loop Kim → Dana → Eli → Kim.',
    });
    expect(expectRefusal(setReportsTo(chain, s('s1'), s('s1'))).message).toBe(
      'Dana cannot report to themselves.',
    );
  });

  it('checks a loop in a file, once per loop', () => {
    const doc = {
      ...sampleMap(),
      reportingLines: [
        { id: 'r1', from: s('s1'), to: s('s2') },
        { id: 'r2', from: s('s2'), to: s('s1') },
      ].map((r) => ({ ...r, id: asReportingLineId(r.id) })),
    };
    expect(checkInvariants(doc)).toEqual([
      { path: 'reportingLines[0]', message: 'lies on a reporting loop s1 → s2 → s1' },
    ]);
  });

  it('sets a goal owner, and forgets it with the stakeholder', () => {
    const owned = expectOk(updateGoal(sampleMap(), g('g2'), { owner: s('s2') }));
    expect(owned.goals[1]?.owner).toBe('s2');
    expect(expectRefusal(updateGoal(owned, g('g2'), { owner: s('s9') })).code).toBe('not-found');
    const managed = expectOk(setReportsTo(owned, s('s1'), s('s2')));
    const gone = expectOk(removeStakeholder(managed, s('s2')));
    expect(gone.goals[1]?.owner).toBeNull();
    expect(gone.reportingLines).toEqual([]);
    expect(checkInvariants(gone)).toEqual([]);
  });
});
