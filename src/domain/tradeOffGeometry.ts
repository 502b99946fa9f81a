import type { Point, Rect } from './edgeRoutes';

/**
 * Where a trade-off is drawn, on the canvas and in the SVG/PNG export alike: a dashed curve from
 * a side of one goal to a side of the other, never from the top or bottom, where "contributes to"
 * links start and end. Not routed around boxes: there are few trade-offs, and a curve reads as
 * "pulls against" where an orthogonal route would read as one more tree edge.
 */

export type Side = 'left' | 'right';

export interface TradeOffEnds {
  readonly from: Point;
  readonly fromSide: Side;
  readonly to: Point;
  readonly toSide: Side;
}

/** How far a curve leaves a side before it bends towards the other goal. */
const BULGE = 60;

const sidePoint = (r: Rect, side: Side): Point => ({
  x: side === 'left' ? r.x : r.x + r.width,
  y: r.y + r.height / 2,
});

/**
 * The facing sides of the two boxes: a's right and b's left when b lies to the right of a (and
 * the other way round). Boxes that overlap across (one above the other) both use their right
 * sides, so the curve bows out beside them instead of crossing either box.
 */
export function tradeOffEnds(a: Rect, b: Rect): TradeOffEnds {
  const [fromSide, toSide]: [Side, Side] =
    b.x >= a.x + a.width
      ? ['right', 'left']
      : a.x >= b.x + b.width
        ? ['left', 'right']
        : ['right', 'right'];
  return { from: sidePoint(a, fromSide), fromSide, to: sidePoint(b, toSide), toSide };
}

const outward = (side: Side): number => (side === 'left' ? -1 : 1);

/** The curve as SVG path data (numbers written by `format`) and its middle, for the label. */
export function tradeOffPath(
  { from, fromSide, to, toSide }: TradeOffEnds,
  format: (n: number) => string = String,
): { readonly d: string; readonly middle: Point } {
  const c1 = { x: from.x + outward(fromSide) * BULGE, y: from.y };
  const c2 = { x: to.x + outward(toSide) * BULGE, y: to.y };
  const p = (q: Point) => `${format(q.x)},${format(q.y)}`;
  // A cubic Bézier's point at t = ½ is (P0 + 3·P1 + 3·P2 + P3) / 8.
  const middle = {
    x: (from.x + 3 * c1.x + 3 * c2.x + to.x) / 8,
    y: (from.y + 3 * c1.y + 3 * c2.y + to.y) / 8,
  };
  return { d: `M${p(from)} C${p(c1)} ${p(c2)} ${p(to)}`, middle };
}

/** How a trade-off is told apart from a link without colour: dashes and a label with a marker. */
export const TRADE_OFF_LOOK = {
  color: '#a61e4d',
  dash: '8 5',
  width: 2,
  label: '⇄ trades off',
} as const;
