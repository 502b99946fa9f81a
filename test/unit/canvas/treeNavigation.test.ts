import { describe, expect, it } from 'vitest';
import { createExampleMap } from '../../../src/domain/exampleMap';
import { neighbourGoal } from '../../../src/canvas/treeNavigation';

const doc = createExampleMap('2026-01-01T00:00:00.000Z');
/** A drawing where goals sit left to right in the order the map lists them. */
const xOf = (id: string) => doc.goals.findIndex((g) => g.id === id) * 100;
const go = (from: string, direction: 'up' | 'down' | 'left' | 'right') =>
  neighbourGoal(doc, from, direction, xOf);

describe('neighbourGoal', () => {
  it('walks up to a parent and down to a child', () => {
    const link = doc.links[0];
    if (!link) throw new Error('the example has links');
    const up = go(link.from, 'up');
    expect(doc.links.some((l) => l.from === link.from && l.to === up)).toBe(true);
    const down = go(link.to, 'down');
    expect(doc.links.some((l) => l.to === link.to && l.from === down)).toBe(true);
  });

  it('moves across siblings in screen order and stops at the ends', () => {
    const children = doc.links.filter((l) => l.to === 'g-mission').map((l) => l.from);
    const row = [...children].sort((a, b) => xOf(a) - xOf(b));
    const [first, second] = row;
    if (!first || !second) throw new Error('the mission has two children');
    expect(go(first, 'right')).toBe(second);
    expect(go(second, 'left')).toBe(first);
    expect(go(first, 'left')).toBeNull();
    expect(go('g-mission', 'up')).toBeNull();
  });

  it('every move along a link can be walked back (across: among goals of one parent)', () => {
    const parentCount = (id: string) => doc.links.filter((l) => l.from === id).length;
    for (const g of doc.goals) {
      const up = go(g.id, 'up');
      if (up !== null) expect(doc.links.some((l) => l.from === g.id && l.to === up)).toBe(true);
      const right = go(g.id, 'right');
      if (right !== null && parentCount(g.id) <= 1 && parentCount(right) <= 1) {
        expect(go(right, 'left')).toBe(g.id);
      }
    }
  });
});
