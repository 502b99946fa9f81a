/**
 * The shapes edges are routed in, and what drawing a route needs: kept apart from the routing
 * itself (edgeRoutes.ts), which the first screen does not load (a person's ties are routed on
 * the device when shown; links come routed from the layout worker).
 */

export interface Point {
  readonly x: number;
  readonly y: number;
}
export interface Rect extends Point {
  readonly width: number;
  readonly height: number;
}

/** Routes of "contributes to" links by routeKey(child, parent), as the layout worker sends them. */
export type LinkRoutes = Readonly<Record<string, readonly Point[]>>;

export const routeKey = (from: string, to: string): string => `${from}\u0000${to}`;

/** Whether two sets of boxes by id hold the same boxes, each where it was and as large. */
export function sameRects(a: ReadonlyMap<string, Rect>, b: ReadonlyMap<string, Rect>): boolean {
  if (a.size !== b.size) return false;
  for (const [id, r] of a) {
    const other = b.get(id);
    if (
      !other ||
      other.x !== r.x ||
      other.y !== r.y ||
      other.width !== r.width ||
      other.height !== r.height
    ) {
      return false;
    }
  }
  return true;
}

/** Grid cell for looking up boxes near a segment. */
export const CELL = 256;

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

  /** Whether `test` holds for an item in the cells the rectangle touches (without collecting them). */
  some(r: Rect, test: (item: T) => boolean): boolean {
    const [x0, x1] = [Math.floor(r.x / CELL), Math.floor((r.x + r.width) / CELL)];
    const [y0, y1] = [Math.floor(r.y / CELL), Math.floor((r.y + r.height) / CELL)];
    for (let x = x0; x <= x1; x++) {
      for (let y = y0; y <= y1; y++) if (this.cells.get(x * 100_003 + y)?.some(test)) return true;
    }
    return false;
  }

  /** Items whose cells the rectangle touches (a superset of those it overlaps). */
  near(r: Rect): Set<T> {
    const found = new Set<T>();
    this.visit(r, (k) => this.cells.get(k)?.forEach((item) => found.add(item)));
    return found;
  }
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
