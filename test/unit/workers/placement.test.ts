import { describe, expect, it } from 'vitest';
import { placeNewNodes } from '../../../src/workers/placement';
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
