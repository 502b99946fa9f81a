import { describe, expect, it } from 'vitest';
import { updateGoal } from '../../../src/domain/commands';
import { asReportingLineId, asTradeOffId } from '../../../src/domain/ids';
import { isSameContent, sameValue } from '../../../src/domain/sameValue';
import { expectOk, g, s, sampleMap } from './commands.fixture';

describe('sameValue', () => {
  it('compares plain data by structure, whatever the key order or prototype', () => {
    expect(sameValue(Object.assign(Object.create(null) as object, { a: '1' }), { a: '1' })).toBe(
      true,
    );
    expect(sameValue({ a: 1, b: [1, { c: null }] }, { b: [1, { c: null }], a: 1 })).toBe(true);
    expect(sameValue({ a: [1, 2] }, { a: [1, 3] })).toBe(false);
    expect(sameValue({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameValue([1], { 0: 1 })).toBe(false);
    expect(sameValue({ a: undefined }, { b: undefined })).toBe(false);
    expect(sameValue(null, {})).toBe(false);
  });
});

describe('isSameContent', () => {
  const doc = sampleMap();
  const goal = doc.goals[0];
  if (!goal) throw new Error('sample map needs a goal');

  it('ignores the edit stamp', () => {
    const stamped = { ...doc, map: { ...doc.map, updatedAt: '2030-01-01T00:00:00.000Z' } };
    expect(isSameContent(doc, stamped)).toBe(true);
  });

  it('sees a new trade-off and a new reporting line', () => {
    const tradeOffs = [{ id: asTradeOffId('t1'), a: g('g2'), b: g('g3'), note: '' }];
    expect(isSameContent(doc, { ...doc, tradeOffs })).toBe(false);
    const reportingLines = [{ id: asReportingLineId('r1'), from: s('s1'), to: s('s2') }];
    expect(isSameContent(doc, { ...doc, reportingLines })).toBe(false);
  });

  it('sees a change deep in one record, and a change of the map name', () => {
    const edited = expectOk(
      updateGoal(doc, goal.id, { metric: { unit: '%', current: 1, target: 2, direction: 'up' } }),
    );
    expect(isSameContent(doc, edited)).toBe(false);
    expect(isSameContent(doc, { ...doc, map: { ...doc.map, name: 'Other' } })).toBe(false);
  });

  it('treats copies of unchanged records as equal, and a removed record as a change', () => {
    const copied = { ...doc, goals: doc.goals.map((g) => ({ ...g })) };
    expect(isSameContent(doc, copied)).toBe(true);
    expect(isSameContent(doc, { ...doc, goals: doc.goals.slice(1) })).toBe(false);
  });
});
