import { describe, expect, it } from 'vitest';
import { computeLayout } from '../../../src/layout/layout';
import { placeNewNodes } from '../../../src/layout/placement';
import type { LayoutInput } from '../../../src/domain/layoutTypes';

const box = (id: string) => ({ id, width: 200, height: 80, pinned: null });

describe('placeNewNodes', () => {
  const input: LayoutInput = {
    goals: [box('m'), box('a'), box('b'), box('free')],
    stakeholders: [box('s')],
    links: [
      { from: 'a', to: 'm' },
      { from: 'b', to: 'm' },
    ],
    incentives: [{ stakeholderId: 's', goalId: 'a' }],
  };

  it('never moves placed nodes and only returns the new ones', () => {
    const existing = { m: { x: 0, y: 0 }, a: { x: 0, y: 160 } };
    const added = placeNewNodes(input, existing);
    expect(Object.keys(added).sort()).toEqual(['b', 'free', 's']);
  });

  it('puts a new child below its parent, beside its placed siblings, without overlap', () => {
    const added = placeNewNodes(input, { m: { x: 0, y: 0 }, a: { x: 0, y: 160 } });
    expect(added['b']?.y).toBe(160);
    expect(added['b']?.x).toBeGreaterThanOrEqual(200);
    expect(added['s']?.y).toBeGreaterThan(160);
  });

  it('puts a goal with no parent to the right of the map', () => {
    const added = placeNewNodes(input, { m: { x: 0, y: 0 }, a: { x: 0, y: 160 } });
    expect(added['free']?.x).toBeGreaterThan(200);
  });
});

describe('placeNewNodes beside a laid-out map', () => {
  it('puts a new leaf at the foot of its parent’s stacked block, not past the whole row', () => {
    const leaves = Array.from({ length: 8 }, (_, i) => box(`k${i}`));
    const others = Array.from({ length: 30 }, (_, i) => box(`x${i}`));
    const goals = [box('top'), box('o'), box('p'), ...leaves, ...others];
    const links = [
      { from: 'o', to: 'top' },
      { from: 'p', to: 'top' },
      ...leaves.map((k) => ({ from: k.id, to: 'o' })),
      ...others.map((x) => ({ from: x.id, to: 'p' })),
    ];
    const input: LayoutInput = { goals, stakeholders: [], links, incentives: [] };
    const laidOut = computeLayout(input);
    const withNew: LayoutInput = {
      ...input,
      goals: [...goals, box('new')],
      links: [...links, { from: 'new', to: 'o' }],
    };
    const spot = placeNewNodes(withNew, laidOut)['new'];
    const xs = leaves.map((k) => laidOut[k.id]?.x ?? Number.NaN);
    expect(spot && spot.x >= Math.min(...xs) && spot.x <= Math.max(...xs)).toBe(true);
    expect(spot?.y).toBeGreaterThan(Math.max(...leaves.map((k) => laidOut[k.id]?.y ?? 0)));
  });
});

describe('ids that name Object.prototype members', () => {
  const hostile = ['__proto__', 'constructor', 'toString'];
  const input: LayoutInput = {
    goals: hostile.map(box),
    stakeholders: [box('prototype')],
    links: [
      { from: 'constructor', to: '__proto__' },
      { from: 'toString', to: '__proto__' },
    ],
    incentives: [{ stakeholderId: 'prototype', goalId: 'toString' }],
  };
  const ownIds = (positions: object) => Object.keys(positions).sort();

  it('get a position of their own from the layout and from placement', () => {
    const all = [...hostile, 'prototype'].sort();
    expect(ownIds(computeLayout(input))).toEqual(all);
    expect(ownIds(placeNewNodes(input, {}))).toEqual(all);
    expect(Object.getPrototypeOf(computeLayout(input))).toBe(Object.prototype);
  });
});
