import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toLayoutInput } from '../../../src/canvas/layoutInput';
import { RectGrid, sameRects, type Rect } from '../../../src/domain/routeGeometry';
import { createExampleMap } from '../../../src/domain/exampleMap';
import {
  curveBetween,
  curveJoins,
  tradeOffCurve,
  tradeOffCurves,
  tradeOffEnds,
  tradeOffPath,
  type TradeOffCurve,
} from '../../../src/domain/tradeOffGeometry';
import { computeLayout } from '../../../src/layout/layout';
import { goalNodeId } from '../../../src/domain/nodeIds';

const box = (x: number, y: number) => ({ x, y, width: 200, height: 80 });

describe('where a trade-off is drawn', () => {
  it('joins the facing sides of two goals side by side', () => {
    expect(tradeOffEnds(box(0, 0), box(400, 100))).toEqual({
      from: { x: 200, y: 40 },
      fromSide: 'right',
      to: { x: 400, y: 140 },
      toSide: 'left',
    });
    expect(tradeOffEnds(box(400, 100), box(0, 0))).toMatchObject({
      fromSide: 'left',
      toSide: 'right',
    });
  });

  it('bows out beside goals stacked one above the other instead of crossing them', () => {
    const ends = tradeOffEnds(box(0, 0), box(50, 200));
    expect([ends.fromSide, ends.toSide]).toEqual(['right', 'right']);
    const { d, middle } = tradeOffPath(curveBetween(ends));
    expect(d).toBe('M200,40 C260,40 310,240 250,240');
    expect(middle.x).toBeGreaterThan(250);
  });

  it('always starts and ends at the middle of a side, never at the top or bottom', () => {
    const coord = fc.integer({ min: -5000, max: 5000 });
    fc.assert(
      fc.property(coord, coord, coord, coord, (ax, ay, bx, by) => {
        const [a, b] = [box(ax, ay), box(bx, by)];
        const { from, to } = tradeOffEnds(a, b);
        expect(from.y).toBe(a.y + a.height / 2);
        expect(to.y).toBe(b.y + b.height / 2);
        expect([a.x, a.x + a.width]).toContain(from.x);
        expect([b.x, b.x + b.width]).toContain(to.x);
      }),
    );
  });
});

/** Whether a point of the curve (sampled finely) lies inside `r`, 2 px in from its border. */
function passesThrough({ from, c1, c2, to }: TradeOffCurve, r: Rect): boolean {
  return Array.from({ length: 401 }, (_, k) => k / 400).some((t) => {
    const u = 1 - t;
    const w = [u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t] as const;
    const x = w[0] * from.x + w[1] * c1.x + w[2] * c2.x + w[3] * to.x;
    const y = w[0] * from.y + w[1] * c1.y + w[2] * c2.y + w[3] * to.y;
    return x > r.x + 2 && x < r.x + r.width - 2 && y > r.y + 2 && y < r.y + r.height - 2;
  });
}

describe('a trade-off among other boxes', () => {
  it('bends around a box between its goals instead of crossing it', () => {
    const [a, between, b] = [box(0, 0), box(300, 0), box(600, 0)];
    expect(passesThrough(curveBetween(tradeOffEnds(a, b)), between)).toBe(true);
    const curve = tradeOffCurve(a, b, new RectGrid([a, between, b]));
    expect(passesThrough(curve, between)).toBe(false);
    expect(curveJoins(curve, a, b)).toBe(true);
  });

  it('keeps the plain curve when nothing is in its way', () => {
    const [a, b] = [box(0, 0), box(400, 100)];
    const grid = new RectGrid([a, b, box(0, 400)]);
    expect(tradeOffCurve(a, b, grid)).toEqual(curveBetween(tradeOffEnds(a, b)));
  });

  it('never crosses more boxes than the plain curve, and always ends on the two goals', () => {
    const cell = fc.integer({ min: 0, max: 5 });
    const lattice = fc.uniqueArray(fc.tuple(cell, cell), {
      minLength: 2,
      maxLength: 20,
      selector: ([x, y]) => `${x},${y}`,
    });
    fc.assert(
      fc.property(lattice, (cells) => {
        const boxes = cells.map(([x, y]) => box(x * 260, y * 160));
        const [a, b] = boxes as [Rect, Rect];
        const others = boxes.slice(2);
        const crossed = (c: TradeOffCurve) => others.filter((r) => passesThrough(c, r)).length;
        const curve = tradeOffCurve(a, b, new RectGrid(boxes));
        expect(curveJoins(curve, a, b)).toBe(true);
        expect(crossed(curve)).toBeLessThanOrEqual(crossed(curveBetween(tradeOffEnds(a, b))));
      }),
    );
  });

  it('passes through no goal or person on the example map as laid out', () => {
    const doc = createExampleMap('2026-01-01T00:00:00.000Z');
    const input = toLayoutInput(doc);
    const at = computeLayout(input);
    const boxes = new Map(
      [...input.goals, ...input.stakeholders].map((n) => {
        const p = at[n.id] ?? { x: 0, y: 0 };
        return [n.id, { ...p, width: n.width, height: n.height }] as const;
      }),
    );
    const tradeOffs = doc.tradeOffs.map((t) => ({ ...t, a: goalNodeId(t.a), b: goalNodeId(t.b) }));
    const curves = tradeOffCurves(boxes, boxes.values(), tradeOffs);
    expect(curves.size).toBe(doc.tradeOffs.length);
    for (const t of tradeOffs) {
      const curve = curves.get(t.id);
      if (!curve) throw new Error(`${t.id} has no curve`);
      const hit = [...boxes].filter(
        ([id, r]) => id !== t.a && id !== t.b && passesThrough(curve, r),
      );
      expect(
        hit.map(([id]) => id),
        t.id,
      ).toEqual([]);
    }
  });
});

describe('sameRects (the canvas keeps every curve while no box moved)', () => {
  const box = (x: number): Rect => ({ x, y: 10, width: 160, height: 56 });
  it('is true for the same boxes in other objects, false once one moves, grows or goes', () => {
    const drawn = new Map([
      ['goal:a', box(0)],
      ['stakeholder:a', box(200)],
    ]);
    expect(sameRects(drawn, new Map(drawn))).toBe(true);
    expect(sameRects(drawn, new Map([...drawn, ['goal:a', box(1)]]))).toBe(false);
    expect(sameRects(drawn, new Map([...drawn, ['goal:a', { ...box(0), width: 161 }]]))).toBe(
      false,
    );
    expect(sameRects(drawn, new Map([['goal:a', box(0)]]))).toBe(false);
    expect(sameRects(drawn, new Map([...drawn, ['goal:b', box(400)]]))).toBe(false);
  });
});
