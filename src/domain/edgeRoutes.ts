/**
 * Where the edges between boxes run, as the canvas, the image exports and the layout bench draw
 * them: orthogonal polylines through the gaps the layout leaves, around boxes where they can.
 */

export interface Point {
  readonly x: number;
  readonly y: number;
}
export interface Rect extends Point {
  readonly width: number;
  readonly height: number;
}

/** How far above a child's top its edge turns towards the parent: mid-way in the row gap. */
export const BUS = 14;
/** Grid cell for looking up boxes near a segment. */
const CELL = 256;
/** Candidate detours tried per edge before it is drawn the plain way. */
const MAX_TRIES = 200;
/** A detour runs this far beside the boxes it passes: mid-way in the layout's 24 px gap. */
const CLEARANCE = 12;

/** Does the segment a–b pass through the inside of r (Liang–Barsky clipping)? */
export function segmentEntersRect(a: Point, b: Point, r: Rect, inset = 2): boolean {
  const [x0, y0] = [r.x + inset, r.y + inset];
  const [x1, y1] = [r.x + r.width - inset, r.y + r.height - inset];
  const [dx, dy] = [b.x - a.x, b.y - a.y];
  let [lo, hi] = [0, 1];
  const sides: readonly (readonly [number, number])[] = [
    [-dx, a.x - x0],
    [dx, x1 - a.x],
    [-dy, a.y - y0],
    [dy, y1 - a.y],
  ];
  for (const [p, q] of sides) {
    if (p === 0) {
      if (q < 0) return false;
    } else if (p < 0) lo = Math.max(lo, q / p);
    else hi = Math.min(hi, q / p);
  }
  return lo < hi;
}

/** Boxes bucketed by CELL-sized squares, so a segment is tested against its neighbours only. */
export class RectGrid<T extends Rect> {
  private readonly cells = new Map<number, T[]>();

  constructor(items: Iterable<T>) {
    for (const r of items) {
      this.visit(r, (k) => {
        const cell = this.cells.get(k);
        if (cell) cell.push(r);
        else this.cells.set(k, [r]);
      });
    }
  }

  private visit(r: Rect, at: (key: number) => void): void {
    const [x0, x1] = [Math.floor(r.x / CELL), Math.floor((r.x + r.width) / CELL)];
    const [y0, y1] = [Math.floor(r.y / CELL), Math.floor((r.y + r.height) / CELL)];
    for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) at(x * 100_003 + y);
  }

  /** Items whose cells the rectangle touches (a superset of those it overlaps). */
  near(r: Rect): Set<T> {
    const found = new Set<T>();
    this.visit(r, (k) => this.cells.get(k)?.forEach((item) => found.add(item)));
    return found;
  }
}

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
    if (!a || !b) continue;
    for (const r of grid.near(segmentBounds(a, b))) {
      if (!ends.includes(r) && segmentEntersRect(a, b, r)) return false;
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

const byDistance = (values: Iterable<number>, from: number, to: number) =>
  [...new Set(values)].sort(
    (a, b) => Math.abs(a - from) + Math.abs(a - to) - (Math.abs(b - from) + Math.abs(b - to)),
  );

/**
 * A route for an edge the org-chart route cannot draw without crossing a box (a second parent,
 * a person's tie): the shortest clear detour through the gaps beside nearby boxes, trying turns
 * just above the source and just below the target, then other gaps. Null when none is found.
 */
function findDetour(from: Rect, to: Rect, grid: RectGrid<Rect>): Point[] | null {
  const [start, end] = [topCentre(from), bottomCentre(to)];
  const margin = 2 * CELL;
  const region = segmentBounds(
    { x: Math.min(start.x, end.x) - margin, y: Math.min(start.y, end.y) - BUS },
    { x: Math.max(start.x, end.x) + margin, y: Math.max(start.y, end.y) + BUS },
  );
  const nearby = [...grid.near(region)];
  const xs = byDistance(
    [start.x, end.x, ...nearby.flatMap((r) => [r.x - CLEARANCE, r.x + r.width + CLEARANCE])],
    start.x,
    end.x,
  );
  const y1s = byDistance(
    [start.y - BUS, ...nearby.flatMap((r) => [r.y - BUS, r.y + r.height + BUS])].filter(
      (y) => y <= start.y - BUS,
    ),
    start.y,
    start.y,
  ).slice(0, 6);
  const y2 = end.y + BUS;
  let tries = 0;
  for (const y1 of y1s) {
    for (const x1 of xs) {
      if (++tries > MAX_TRIES) return null;
      const path = detour(start, end, x1, y1, y2);
      if (isClear(path, grid, [from, to])) return path;
    }
  }
  return null;
}

/**
 * Routes for edges from a box up to another (a goal to a goal it contributes to, a person to a
 * goal they hold), by their ends' ids: the org-chart route where it is clear, else a detour
 * around the boxes in the way, else the org-chart route anyway. Pure; linear in edges, with a
 * bounded search for the few edges that need a detour.
 */
export function routeEdges(
  boxes: ReadonlyMap<string, Rect>,
  edges: readonly { readonly from: string; readonly to: string }[],
): (Point[] | null)[] {
  const grid = new RectGrid<Rect>(boxes.values());
  return edges.map(({ from, to }) => {
    const [a, b] = [boxes.get(from), boxes.get(to)];
    if (!a || !b) return null;
    const plain = orgChartRoute(a, b);
    if (isClear(plain, grid, [a, b])) return plain;
    return findDetour(a, b, grid) ?? plain;
  });
}

/** The point half-way along a polyline, where an edge's label goes. */
export function pathMiddle(points: readonly Point[]): Point {
  const lengths = points.slice(1).map((b, i) => {
    const a = points[i] ?? b;
    return Math.abs(b.x - a.x) + Math.abs(b.y - a.y);
  });
  let rest = lengths.reduce((t, l) => t + l, 0) / 2;
  for (let i = 0; i < lengths.length; i++) {
    const [a, b, l] = [points[i], points[i + 1], lengths[i] ?? 0];
    if (a && b && rest <= l) {
      const t = l === 0 ? 0 : rest / l;
      return { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
    }
    rest -= l;
  }
  return points[0] ?? { x: 0, y: 0 };
}
