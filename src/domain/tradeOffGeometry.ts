import { RectGrid, segmentEntersRect, type Point, type Rect } from './routeGeometry';

/**
 * Where a trade-off is drawn, on the canvas and in the SVG/PNG export alike: a dashed curve from
 * a side of one goal to a side of the other, never from the top or bottom, where "contributes to"
 * links start and end. A curve rather than a route through the gaps, since an orthogonal route
 * would read as one more tree edge; but bent (wider, bowed up or down, or round one side) so it
 * passes through no box it does not end at, wherever such a curve exists.
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

/** A trade-off's cubic Bézier: its two ends on the goals' sides and two control points. */
export interface TradeOffCurve {
  readonly from: Point;
  readonly c1: Point;
  readonly c2: Point;
  readonly to: Point;
}

/**
 * The curve between two ends: out of each side by `bulge`, its control points raised by `lift`
 * (negative: up), so the curve bows above or below what lies between the goals.
 */
export function curveBetween(
  { from, fromSide, to, toSide }: TradeOffEnds,
  bulge = BULGE,
  lift = 0,
): TradeOffCurve {
  return {
    from,
    c1: { x: from.x + outward(fromSide) * bulge, y: from.y + lift },
    c2: { x: to.x + outward(toSide) * bulge, y: to.y + lift },
    to,
  };
}

/** The curve as SVG path data (numbers written by `format`) and its middle, for the label. */
export function tradeOffPath(
  { from, c1, c2, to }: TradeOffCurve,
  format: (n: number) => string = String,
): { readonly d: string; readonly middle: Point } {
  const p = (q: Point) => `${format(q.x)},${format(q.y)}`;
  return {
    d: `M${p(from)} C${p(c1)} ${p(c2)} ${p(to)}`,
    middle: pointAt({ from, c1, c2, to }, 0.5),
  };
}

function pointAt({ from, c1, c2, to }: TradeOffCurve, t: number): Point {
  const u = 1 - t;
  const [w0, w1, w2, w3] = [u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t];
  return {
    x: w0 * from.x + w1 * c1.x + w2 * c2.x + w3 * to.x,
    y: w0 * from.y + w1 * c1.y + w2 * c2.y + w3 * to.y,
  };
}

/** Chords per curve when testing it against boxes: close to the curve at the sizes boxes have. */
const SAMPLES = 32;

/** Whether the curve still ends on sides of `a` and `b` (neither goal has moved since). */
export function curveJoins({ from, to }: TradeOffCurve, a: Rect, b: Rect): boolean {
  const onSide = (p: Point, r: Rect) =>
    (p.x === r.x || p.x === r.x + r.width) && p.y === r.y + r.height / 2;
  return onSide(from, a) && onSide(to, b);
}

/** What is left of the chord tests one drawing may spend on bending curves round boxes. */
export interface CurveBudget {
  chords: number;
}

/**
 * Enough for every trade-off of a hand-made map and a few blocked ones on a dense one (the rest
 * are drawn plainly), so a map with hundreds of trade-offs still redraws in tens of ms.
 */
export const CURVE_BUDGET = 8_000;
/** Chord tests one trade-off may spend looking for a clear curve. */
const CHORDS_PER_CURVE = 2_000;
/** Goals this far apart (centre to centre) get the plain curve: no bent one clears a full map. */
const MAX_REACH = 2_400;

/**
 * Whether the curve passes through a box, its own goals' included (leaving a side is not),
 * tested chord by chord from its start; each test is paid from the budget. Out of budget counts
 * as blocked.
 */
function isBlocked(curve: TradeOffCurve, boxes: RectGrid<Rect>, budget: CurveBudget): boolean {
  let a = curve.from;
  for (let k = 1; k <= SAMPLES; k++) {
    if (--budget.chords < 0) return true;
    const b = pointAt(curve, k / SAMPLES);
    const span = {
      x: Math.min(a.x, b.x),
      y: Math.min(a.y, b.y),
      width: Math.abs(a.x - b.x),
      height: Math.abs(a.y - b.y),
    };
    if (boxes.some(span, (r) => segmentEntersRect(a, b, r))) return true;
    a = b;
  }
  return false;
}

/** How long the curve looks: its control polygon, which bounds its length. */
const reach = ({ from, c1, c2, to }: TradeOffCurve): number =>
  Math.hypot(c1.x - from.x, c1.y - from.y) +
  Math.hypot(c2.x - c1.x, c2.y - c1.y) +
  Math.hypot(to.x - c2.x, to.y - c2.y);

/** Bulges tried: a small one lets a curve leave up or down the gap beside its goal. */
const BULGES = [12, 30, BULGE, 2 * BULGE, 4 * BULGE];
const LIFTS = [0, 40, 80, 120, 160, 220, 280, 360, 440, 560].flatMap((l) => (l ? [-l, l] : [0]));

/** Wider, bowed and one-sided curves between the two goals, shortest first. */
function detours(a: Rect, b: Rect, facing: TradeOffEnds): TradeOffCurve[] {
  const sides: readonly [Side, Side][] = [
    [facing.fromSide, facing.toSide],
    ['right', 'right'],
    ['left', 'left'],
    [facing.toSide, facing.fromSide],
  ];
  const curves = sides.flatMap(([fromSide, toSide]) => {
    const ends = { from: sidePoint(a, fromSide), fromSide, to: sidePoint(b, toSide), toSide };
    return LIFTS.flatMap((lift) => BULGES.map((bulge) => curveBetween(ends, bulge, lift)));
  });
  return curves
    .map((curve) => ({ curve, reach: reach(curve) }))
    .sort((x, y) => x.reach - y.reach)
    .map(({ curve }) => curve);
}

const centreDistance = (a: Rect, b: Rect): number =>
  Math.hypot(a.x + a.width / 2 - b.x - b.width / 2, a.y + a.height / 2 - b.y - b.height / 2);

/**
 * The curve drawn between goals `a` and `b` among `boxes` (every node on the map, the two goals
 * included): the plain curve between their facing sides when it passes through no box; else the
 * shortest of the wider, bowed and one-sided curves that passes through none. The plain curve
 * when none does, when the goals are too far apart for a bent curve to clear the map between
 * them, or when the budget is spent (so a dense map redraws quickly).
 */
export function tradeOffCurve(
  a: Rect,
  b: Rect,
  boxes: RectGrid<Rect>,
  budget: CurveBudget = { chords: CURVE_BUDGET },
): TradeOffCurve {
  const facing = tradeOffEnds(a, b);
  const plain = curveBetween(facing);
  if (budget.chords <= 0 || centreDistance(a, b) > MAX_REACH) return plain;
  if (!isBlocked(plain, boxes, budget)) return plain;
  const allowance = Math.min(CHORDS_PER_CURVE, budget.chords);
  const own = { chords: allowance };
  const clear = detours(a, b, facing).find((curve) => !isBlocked(curve, boxes, own));
  budget.chords -= allowance - Math.max(0, own.chords);
  return clear ?? plain;
}

/**
 * Every trade-off's curve, by trade-off id: between its goals' boxes in `goals`, around `boxes`
 * (every node drawn: goals and people); one budget for all of them.
 */
export function tradeOffCurves(
  goals: ReadonlyMap<string, Rect>,
  boxes: Iterable<Rect>,
  tradeOffs: readonly { readonly id: string; readonly a: string; readonly b: string }[],
): Map<string, TradeOffCurve> {
  const curves = new Map<string, TradeOffCurve>();
  if (tradeOffs.length === 0) return curves;
  const grid = new RectGrid(boxes);
  const budget = { chords: CURVE_BUDGET };
  for (const t of tradeOffs) {
    const [a, b] = [goals.get(t.a), goals.get(t.b)];
    if (a && b) curves.set(t.id, tradeOffCurve(a, b, grid, budget));
  }
  return curves;
}

/** How a trade-off is told apart from a link without colour: dashes and a label with a marker. */
export const TRADE_OFF_LOOK = {
  color: '#a61e4d',
  dash: '8 5',
  width: 2,
  label: '⇄ trades off',
} as const;
