import { describe, expect, it } from 'vitest';
import { toLayoutInput } from '../../../src/canvas/layoutInput';
import { createExampleMap } from '../../../src/domain/exampleMap';
import type { LayoutInput } from '../../../src/domain/layoutTypes';
import { computeLayout, routeLinks } from '../../../src/layout/layout';
import { routeKey } from '../../../src/domain/routeGeometry';
import { goalNodeId } from '../../../src/domain/nodeIds';

const doc = createExampleMap('2026-01-01T00:00:00.000Z');
const topDown = toLayoutInput(doc);
const leftRight: LayoutInput = { ...topDown, orientation: 'leftRight' };
const sizes = new Map([...topDown.goals, ...topDown.stakeholders].map((n) => [n.id, n]));

/** The whole map's extent for laid-out positions, boxes at their own sizes. */
function extent(positions: ReturnType<typeof computeLayout>) {
  const boxes = Object.entries(positions).map(([id, p]) => ({ ...p, ...sizes.get(id) }));
  const right = Math.max(...boxes.map((b) => b.x + (b.width ?? 0)));
  const bottom = Math.max(...boxes.map((b) => b.y + (b.height ?? 0)));
  return { width: right - Math.min(...boxes.map((b) => b.x)), height: bottom };
}

describe('left-to-right layout of the example map', () => {
  const p = computeLayout({ ...leftRight, aspect: 1280 / 720 });

  it('puts the mission left of everything else', () => {
    const mission = goalNodeId(doc.goals.find((g) => g.kind === 'mission')?.id ?? '');
    const left = p[mission]?.x ?? Infinity;
    expect(Object.entries(p).every(([id, at]) => id === mission || at.x > left)).toBe(true);
  });

  it('is shaped for the screen too: a wide screen gets a wide map, not a tall strip', () => {
    const { width, height } = extent(p);
    expect(width / height).toBeGreaterThan(1);
    expect(width / height).toBeLessThan(4);
  });

  it('fits the default 16:10 screen when no aspect is given, as top-down does', () => {
    const { width, height } = extent(computeLayout(leftRight));
    expect(width / height).toBeGreaterThan(1);
  });

  it('routes each link from the child’s left side to the parent’s right side', () => {
    const at = computeLayout(leftRight);
    const routes = routeLinks(leftRight, at);
    for (const l of leftRight.links) {
      const route = routes[routeKey(l.from, l.to)] ?? [];
      const [child, parent] = [at[l.from], at[l.to]];
      const [childSize, parentSize] = [sizes.get(l.from), sizes.get(l.to)];
      if (!child || !parent || !childSize || !parentSize)
        throw new Error(`${l.from} → ${l.to} not placed`);
      expect(route[0]).toEqual({ x: child.x, y: child.y + childSize.height / 2 });
      expect(route[route.length - 1]).toEqual({
        x: parent.x + parentSize.width,
        y: parent.y + parentSize.height / 2,
      });
    }
  });
});
