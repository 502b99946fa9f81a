/**
 * Where the edges between boxes run, as the canvas, the image exports and the layout bench draw
 * them: orthogonal polylines through the gaps the layout leaves, around boxes where they can.
 */
import { transposePoint, transposeRect, type Orientation } from './orientation';
import {
  CELL,
  RectGrid,
  routeKey,
  segmentEntersRect,
  type LinkRoutes,
  type Point,
  type Rect,
} from './routeGeometry';

/** How far above a child's top its edge turns towards the parent: mid-way in the row gap. */
export const BUS = 14;
/** Candidate detours tried per edge before it is drawn the plain way. */
const MAX_TRIES = 200;
/** A detour runs this far beside the boxes it passes: mid-way in the layout's 24 px gap. */
const CLEARANCE = 12;

const segmentBounds = (a: Point, b: Point): Rect => ({
  x: Math.min(a.x, b.x),
  y: Math.min(a.y, b.y),
  width: Math.abs(a.x - b.x),
  height: Math.abs(a.y - b.y),
});

/** No segment of the path enters a box other than the two it connects. */
function isClear(path: readonly Point[], grid: RectGrid<Rect>, ends: readonly Rect[]): boolean {
  for (let i = 1; i < path.length; i++) {
    const [a, b] = [path[i - 1], path[i]];
    if (
      a &&
      b &&
      grid.some(segmentBounds(a, b), (r) => !ends.includes(r) && segmentEntersRect(a, b, r))
    ) {
      return false;
    }
  }
  return true;
}

const topCentre = (r: Rect): Point => ({ x: r.x + r.width / 2, y: r.y });
const bottomCentre = (r: Rect): Point => ({ x: r.x + r.width / 2, y: r.y + r.height });

/**
 * The org-chart route from a box up to one above it: out of its top, along the gap above it,
 * then up the parent's trunk into its bottom. Drawn for any edge, but it only avoids every box
 * where the layout left that gap and trunk free: between a goal and the block it heads.
 */
export function orgChartRoute(from: Rect, to: Rect): Point[] {
  const [start, end] = [topCentre(from), bottomCentre(to)];
  const bus = Math.max(end.y, start.y - BUS);
  if (start.x === end.x) return [start, end];
  return [start, { x: start.x, y: bus }, { x: end.x, y: bus }, end];
}

/** A detour: up to y1, across to x1, up (or down) to y2 just below the target, across, in. */
function detour(start: Point, end: Point, x1: number, y1: number, y2: number): Point[] {
  return [
    start,
    { x: start.x, y: y1 },
    { x: x1, y: y1 },
    { x: x1, y: y2 },
    { x: end.x, y: y2 },
    end,
  ];
}

/**
 * The lines a detour may run along, over the whole map, sorted and without repeats: just beside
 * every box (`xs`), and mid-way in the gaps above and below every box (`ys`). Found once per
 * routing, so an edge's candidates are a slice of them rather than a sort of its own.
 */
interface GapLines {
  readonly xs: Float64Array;
  readonly ys: Float64Array;
}

function gapLines(boxes: Iterable<Rect>): GapLines {
  const [xs, ys]: [number[], number[]] = [[], []];
  for (const r of boxes) {
    xs.push(r.x - CLEARANCE, r.x + r.width + CLEARANCE);
    ys.push(r.y - BUS, r.y + r.height + BUS);
  }
  return { xs: new Float64Array(xs).sort(), ys: new Float64Array(ys).sort() };
}

/**
 * Up to `count` distinct x values for a detour's upright run, nearest first to the span between
 * the two ends (by |x − from| + |x − to|: the ends and the lines between them first, left to
 * right, then outwards, the left first on a tie), no further than `margin` beyond the span.
 */
function nearestColumns(
  lines: Float64Array,
  from: number,
  to: number,
  margin: number,
  count: number,
) {
  const [lo, hi] = [Math.min(from, to), Math.max(from, to)];
  const out: number[] = [];
  const take = (v: number) => {
    if (out[out.length - 1] !== v && out.length < count) out.push(v);
  };
  let left = firstAtLeast(lines, lo, true) - 1;
  let right = firstAtLeast(lines, hi);
  // Inside the span, from the target's end: the upright run then climbs beside the target and
  // the long run across stays low, on the line the source's other edges share.
  const inside = [lo, ...lines.subarray(left + 1, right), hi];
  if (to >= from) inside.reverse();
  inside.forEach(take);
  let [lastLeft, lastRight] = [lo, hi];
  for (;;) {
    const l = left >= 0 && lo - (lines[left] ?? 0) <= margin ? (lines[left] ?? 0) : -Infinity;
    const r =
      right < lines.length && (lines[right] ?? 0) - hi <= margin ? (lines[right] ?? 0) : Infinity;
    if (out.length >= count || (l === -Infinity && r === Infinity)) return out;
    if (lo - l <= r - hi) {
      if (l !== lastLeft) out.push(l);
      [lastLeft, left] = [l, left - 1];
    } else {
      if (r !== lastRight) out.push(r);
      [lastRight, right] = [r, right + 1];
    }
  }
}

/** The `count` highest gap lines at or above `y`, `y` itself first. */
function rowsAbove(lines: Float64Array, y: number, count: number): number[] {
  const out = [y];
  for (let i = firstAtLeast(lines, y) - 1; i >= 0 && out.length < count; i--) {
    const v = lines[i] ?? y;
    if (v !== out[out.length - 1]) out.push(v);
  }
  return out;
}

/**
 * A route for an edge the org-chart route cannot draw without crossing a box (a second parent,
 * a person's tie): the shortest clear detour through the gaps beside nearby boxes, trying turns
 * just above the source and just below the target, then other gaps. Null when none is found.
 */
function* detours(
  from: Rect,
  to: Rect,
  grid: RectGrid<Rect>,
  lines: GapLines,
  budget: Budget,
): Generator<Point[], void> {
  if (budget.tries <= 0) return;
  const [start, end] = [topCentre(from), bottomCentre(to)];
  const xs = nearestColumns(lines.xs, start.x, end.x, 2 * CELL, MAX_TRIES);
  const y1s = rowsAbove(lines.ys, start.y - BUS, 6);
  const y2 = end.y + BUS;
  let tries = 0;
  for (const y1 of y1s) {
    for (const x1 of xs) {
      if (++tries > MAX_TRIES || --budget.tries < 0) return;
      const path = detour(start, end, x1, y1, y2);
      if (isClear(path, grid, [from, to])) yield path;
    }
  }
}

/** Clear detours weighed for crossing fewest lines, when there are lines to keep clear of. */
const CHOICES = 16;

/** A segment of a drawn line, bucketed by its bounds. */
interface LineSegment extends Rect {
  readonly a: Point;
  readonly b: Point;
}

const turn = (o: Point, a: Point, b: Point) =>
  (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);

/** Counts where a path crosses drawn lines (each one's ends strictly on both sides of the other). */
class Crossings {
  private readonly grid: RectGrid<LineSegment>;

  constructor(routes: readonly (readonly Point[])[]) {
    const segments: LineSegment[] = [];
    for (const route of routes) {
      for (let i = 1; i < route.length; i++) {
        const [a, b] = [route[i - 1], route[i]];
        if (a && b) segments.push({ ...segmentBounds(a, b), a, b });
      }
    }
    this.grid = new RectGrid(segments);
  }

  of(path: readonly Point[]): number {
    let count = 0;
    for (let i = 1; i < path.length; i++) {
      const [a, b] = [path[i - 1], path[i]];
      if (!a || !b) continue;
      for (const s of this.grid.near(segmentBounds(a, b))) {
        if (turn(a, b, s.a) * turn(a, b, s.b) < 0 && turn(s.a, s.b, a) * turn(s.a, s.b, b) < 0) {
          count++;
        }
      }
    }
    return count;
  }
}

const pathLength = (path: readonly Point[]) =>
  path.reduce((sum, p, i) => {
    const q = path[i - 1] ?? p;
    return sum + Math.abs(p.x - q.x) + Math.abs(p.y - q.y);
  }, 0);

function* startingWith<T>(first: T, rest: Iterable<T>): Generator<T, void> {
  yield first;
  yield* rest;
}

/** Of the routes given, the one crossing the fewest lines, the shortest of those; null: none. */
function fewestCrossings(routes: Iterable<Point[]>, crossings: Crossings): Point[] | null {
  let [best, bestCount, bestLength] = [null as Point[] | null, Infinity, Infinity];
  let seen = 0;
  for (const route of routes) {
    const [count, length] = [crossings.of(route), pathLength(route)];
    if (count < bestCount || (count === bestCount && length < bestLength)) {
      [best, bestCount, bestLength] = [route, count, length];
    }
    if (bestCount === 0 || ++seen >= CHOICES) break;
  }
  return best;
}

/** Room around an edge's two ends that the full search may use. */
const SEARCH_MARGIN = 400;
/** Cost of a bend, in px of length: fewer bends read better than a slightly shorter line. */
const BEND_COST = 60;
/** Steps the full search may take before the edge is drawn the plain way. */
const MAX_STEPS = 120_000;
/** Work all detours and searches of one routing may do together, so a huge map stays quick. */
const TOTAL_STEPS = 250_000;
const TOTAL_TRIES = 50_000;
/** Grid points a full search may span; an edge across more of the map is drawn the plain way. */
const MAX_POINTS = 400_000;

/** What is left of the work one routing may do on detours and full searches. */
interface Budget {
  steps: number;
  tries: number;
  /** The full search's cost and back-pointer tables, kept from one search to the next. */
  best: Float64Array;
  previous: Int32Array;
}

/** A binary min-heap of states by cost, in two flat arrays (no pair allocated per push). */
class Heap {
  private readonly costs: number[] = [];
  private readonly states: number[] = [];
  get size(): number {
    return this.costs.length;
  }
  push(cost: number, state: number): void {
    const [c, s] = [this.costs, this.states];
    let i = c.length;
    c.push(cost);
    s.push(state);
    while (i > 0) {
      const up = (i - 1) >> 1;
      const upCost = c[up] ?? 0;
      if (upCost <= cost) break;
      c[i] = upCost;
      s[i] = s[up] ?? 0;
      i = up;
    }
    c[i] = cost;
    s[i] = state;
  }
  /** The cheapest state (the heap must not be empty). */
  pop(): number {
    const [c, s] = [this.costs, this.states];
    const top = s[0] ?? 0;
    const lastCost = c.pop() ?? 0;
    const lastState = s.pop() ?? 0;
    const n = c.length;
    if (n === 0) return top;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const m = r < n && (c[r] ?? 0) < (c[l] ?? 0) ? r : l;
      if ((c[m] ?? 0) >= lastCost) break;
      c[i] = c[m] ?? 0;
      s[i] = s[m] ?? 0;
      i = m;
    }
    c[i] = lastCost;
    s[i] = lastState;
    return top;
  }
}

const sortedUnique = (values: number[]) => [...new Set(values)].sort((a, b) => a - b);

/** Index of the first value in ascending `sorted` that is >= v (or > v when `strict`). */
function firstAtLeast(sorted: ArrayLike<number>, v: number, strict = false): number {
  let [lo, hi] = [0, sorted.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const x = sorted[mid] ?? 0;
    if (x < v || (strict && x === v)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Which unit steps of the search grid enter a box (as segmentEntersRect sees it): `across[i*ny+j]`
 * for the step from (xs[i], ys[j]) to (xs[i+1], ys[j]), `down[i*ny+j]` for the step to (xs[i],
 * ys[j+1]). Marked box by box over the grid lines inside it, so the search tests none itself.
 */
function blockedSteps(xs: readonly number[], ys: readonly number[], boxes: readonly Rect[]) {
  const [nx, ny] = [xs.length, ys.length];
  const across = new Uint8Array(nx * ny);
  const down = new Uint8Array(nx * ny);
  const inset = 2;
  for (const r of boxes) {
    const [x0, x1] = [r.x + inset, r.x + r.width - inset];
    const [y0, y1] = [r.y + inset, r.y + r.height - inset];
    if (x0 >= x1 || y0 >= y1) continue;
    // Steps along a line inside the box's closed span that overlap its open span elsewise.
    const [jIn, jOut] = [firstAtLeast(ys, y0), firstAtLeast(ys, y1, true)];
    const [iFrom, iTo] = [Math.max(0, firstAtLeast(xs, x0, true) - 1), firstAtLeast(xs, x1)];
    for (let j = jIn; j < jOut; j++) {
      for (let i = iFrom; i < Math.min(iTo, nx - 1); i++) across[i * ny + j] = 1;
    }
    const [iIn, iOut] = [firstAtLeast(xs, x0), firstAtLeast(xs, x1, true)];
    const [jFrom, jTo] = [Math.max(0, firstAtLeast(ys, y0, true) - 1), firstAtLeast(ys, y1)];
    for (let i = iIn; i < iOut; i++) {
      for (let j = jFrom; j < Math.min(jTo, ny - 1); j++) down[i * ny + j] = 1;
    }
  }
  return { across, down };
}

/** The search's tables for `size` states, grown when needed and reset. */
function tables(budget: Budget, size: number): { best: Float64Array; previous: Int32Array } {
  if (budget.best.length < size) {
    budget.best = new Float64Array(size);
    budget.previous = new Int32Array(size);
  }
  budget.best.fill(Infinity, 0, size);
  budget.previous.fill(-1, 0, size);
  return budget;
}

/**
 * The full search for the rare edge no simple detour clears: the shortest orthogonal path, with
 * a cost per bend, over the lines just beside every box near its two ends (a sparse visibility
 * graph), from just above the source to just below the target. Null when there is none within
 * the search's bounds.
 */
function searchRoute(from: Rect, to: Rect, grid: RectGrid<Rect>, budget: Budget): Point[] | null {
  if (budget.steps <= 0) return null;
  const [start, end] = [topCentre(from), bottomCentre(to)];
  const [first, last] = [
    { x: start.x, y: start.y - BUS },
    { x: end.x, y: end.y + BUS },
  ];
  const region = segmentBounds(
    { x: Math.min(first.x, last.x) - SEARCH_MARGIN, y: Math.min(first.y, last.y) - SEARCH_MARGIN },
    { x: Math.max(first.x, last.x) + SEARCH_MARGIN, y: Math.max(first.y, last.y) + SEARCH_MARGIN },
  );
  const nearby = [...grid.near(region)];
  const xs = sortedUnique([
    first.x,
    last.x,
    ...nearby.flatMap((r) => [r.x - CLEARANCE, r.x + r.width + CLEARANCE]),
  ]);
  const ys = sortedUnique([
    first.y,
    last.y,
    ...nearby.flatMap((r) => [r.y - BUS, r.y + r.height + BUS]),
  ]);
  const [nx, ny] = [xs.length, ys.length];
  if (nx * ny > MAX_POINTS) return null;
  const { across, down } = blockedSteps(
    xs,
    ys,
    nearby.filter((r) => r !== from && r !== to),
  );
  const at = (i: number, j: number): Point => ({ x: xs[i] ?? 0, y: ys[j] ?? 0 });
  const goal = xs.indexOf(last.x) * ny + ys.indexOf(last.y);
  const source = xs.indexOf(first.x) * ny + ys.indexOf(first.y);
  // A state is a grid point and the direction it was entered in (0–3; 4 at the start).
  const { best, previous } = tables(budget, nx * ny * 5);
  const heap = new Heap();
  // Length still to go, and a bend where one is unavoidable: the target is off both axes, or off
  // the line being run along. A lower bound, so the route found is still the cheapest, but far
  // fewer states are tried than with the length alone.
  const h = (i: number, j: number, d: number) => {
    const [dx, dy] = [last.x - (xs[i] ?? 0), last.y - (ys[j] ?? 0)];
    const across = d === 0 ? dx > 0 : d === 1 ? dx < 0 : false;
    const upright = d === 2 ? dy > 0 : d === 3 ? dy < 0 : false;
    const bends =
      dx !== 0 && dy !== 0
        ? 1
        : (dx !== 0 && d !== 4 && !across) || (dy !== 0 && d !== 4 && !upright)
          ? 1
          : 0;
    return Math.abs(dx) + Math.abs(dy) + bends * BEND_COST;
  };
  best[source * 5 + 4] = 0;
  heap.push(h(Math.floor(source / ny), source % ny, 4), source * 5 + 4);
  for (let count = 0; heap.size > 0 && count < MAX_STEPS && budget.steps > 0; count++) {
    budget.steps--;
    const state = heap.pop();
    const [p, dir] = [Math.floor(state / 5), state % 5];
    if (p === goal) return unwind(state, previous, at, ny, start, end);
    const [i, j] = [Math.floor(p / ny), p % ny];
    const cost = best[state] ?? Infinity;
    for (let d = 0; d < 4; d++) {
      // 0: right, 1: left, 2: down, 3: up; a step is open when no box blocks it.
      const [a, b] =
        d === 0 ? [i + 1, j] : d === 1 ? [i - 1, j] : d === 2 ? [i, j + 1] : [i, j - 1];
      if (a < 0 || b < 0 || a >= nx || b >= ny) continue;
      const blocked =
        d === 0 ? across[p] : d === 1 ? across[a * ny + j] : d === 2 ? down[p] : down[i * ny + b];
      if (blocked) continue;
      const q = a * ny + b;
      const length = Math.abs((xs[i] ?? 0) - (xs[a] ?? 0)) + Math.abs((ys[j] ?? 0) - (ys[b] ?? 0));
      const next = cost + length + (dir !== 4 && dir !== d ? BEND_COST : 0);
      if (next < (best[q * 5 + d] ?? Infinity)) {
        best[q * 5 + d] = next;
        previous[q * 5 + d] = state;
        heap.push(next + h(a, b, d), q * 5 + d);
      }
    }
  }
  return null;
}

/** The path back from a reached state, straight runs merged, joined to the two boxes. */
function unwind(
  state: number,
  previous: Int32Array,
  at: (i: number, j: number) => Point,
  ny: number,
  start: Point,
  end: Point,
): Point[] {
  const points: Point[] = [end];
  for (let s = state; s >= 0; s = previous[s] ?? -1) {
    const p = Math.floor(s / 5);
    points.push(at(Math.floor(p / ny), p % ny));
  }
  points.push(start);
  points.reverse();
  return points.filter((p, k) => {
    const [a, b] = [points[k - 1], points[k + 1]];
    return !a || !b || !((a.x === p.x && p.x === b.x) || (a.y === p.y && p.y === b.y));
  });
}

/**
 * The lines to keep clear of, bucketed for counting crossings (in the top-down picture the
 * routing works in), kept per list: the canvas routes each selection's ties against the same
 * links' routes, and bucketing 2,000 links' routes each time was most of a selection's routing.
 * A list passed in is never changed afterwards (every caller builds a new one).
 */
const bucketed = new WeakMap<readonly (readonly Point[])[], Map<Orientation, Crossings>>();

function crossingsOf(
  lines: readonly (readonly Point[])[],
  orientation: Orientation,
): Crossings | null {
  if (lines.length === 0) return null;
  const byOrientation = bucketed.get(lines) ?? new Map<Orientation, Crossings>();
  bucketed.set(lines, byOrientation);
  const known = byOrientation.get(orientation);
  if (known) return known;
  const there = orientation === 'topDown' ? lines : lines.map((l) => l.map(transposePoint));
  const made = new Crossings(there);
  byOrientation.set(orientation, made);
  return made;
}

/**
 * Routes for edges from a box up to another (a goal to a goal it contributes to, a person to a
 * goal they hold), by their ends' ids: the org-chart route where it is clear, else a detour
 * around the boxes in the way, else the org-chart route anyway. A route in `known` (found
 * before, e.g. by the layout worker) is kept while its ends have not moved. With lines to keep
 * clear of (a person's ties: the links' routes), of the clear routes the first few found the one
 * crossing the fewest of those lines is drawn. Pure; linear in
 * edges, with a bounded search for the few edges that need a detour. Left to right, edges run
 * from a box's left side to the right side of the one before it: the same routing on the
 * transposed picture, transposed back.
 */
export function routeEdges(
  boxes: ReadonlyMap<string, Rect>,
  edges: readonly { readonly from: string; readonly to: string }[],
  known: LinkRoutes = {},
  orientation: Orientation = 'topDown',
  keepClearOf: readonly (readonly Point[])[] = [],
): (readonly Point[] | null)[] {
  const crossings = crossingsOf(keepClearOf, orientation);
  if (orientation === 'topDown') return routeUpwards(boxes, edges, known, crossings);
  const transposed = new Map([...boxes].map(([id, r]) => [id, transposeRect(r)] as const));
  const knownThere = Object.fromEntries(
    Object.entries(known).map(([key, route]) => [key, route.map(transposePoint)] as const),
  );
  return routeUpwards(transposed, edges, knownThere, crossings).map(
    (route) => route?.map(transposePoint) ?? null,
  );
}

function routeUpwards(
  boxes: ReadonlyMap<string, Rect>,
  edges: readonly { readonly from: string; readonly to: string }[],
  known: LinkRoutes,
  crossings: Crossings | null,
): (readonly Point[] | null)[] {
  const grid = new RectGrid<Rect>(boxes.values());
  const lines = gapLines(boxes.values());
  const budget: Budget = {
    steps: TOTAL_STEPS,
    tries: TOTAL_TRIES,
    best: new Float64Array(0),
    previous: new Int32Array(0),
  };
  return edges.map(({ from, to }) => {
    const [a, b] = [boxes.get(from), boxes.get(to)];
    if (!a || !b) return null;
    const found = known[routeKey(from, to)];
    if (found && joins(found, a, b)) return found;
    const plain = orgChartRoute(a, b);
    const clear = isClear(plain, grid, [a, b]);
    if (clear && (!crossings || crossings.of(plain) === 0)) return plain;
    const ways = detours(a, b, grid, lines, budget);
    const detour = crossings
      ? fewestCrossings(clear ? startingWith(plain, ways) : ways, crossings)
      : (ways.next().value ?? null);
    return detour ?? searchRoute(a, b, grid, budget) ?? plain;
  });
}

/** Whether a route still runs from `from`'s top to `to`'s bottom (neither end has moved). */
function joins(route: readonly Point[], from: Rect, to: Rect): boolean {
  const [first, last] = [route[0], route[route.length - 1]];
  const [start, end] = [topCentre(from), bottomCentre(to)];
  return (
    !!first &&
    !!last &&
    first.x === start.x &&
    first.y === start.y &&
    last.x === end.x &&
    last.y === end.y
  );
}
