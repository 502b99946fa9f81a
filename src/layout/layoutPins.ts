import { GAP_X } from './layoutPlace';

/** A box at its final place; `pinned` boxes never move. */
export interface PlacedBox {
  x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly pinned: boolean;
}

const CELL = 512;

/** Boxes bucketed by CELL-sized squares, so an overlap test looks at a few neighbours only. */
class BoxGrid {
  private readonly cells = new Map<string, PlacedBox[]>();

  private keys(b: PlacedBox): string[] {
    const keys: string[] = [];
    for (let cx = Math.floor(b.x / CELL); cx <= Math.floor((b.x + b.width) / CELL); cx++) {
      for (let cy = Math.floor(b.y / CELL); cy <= Math.floor((b.y + b.height) / CELL); cy++) {
        keys.push(`${cx},${cy}`);
      }
    }
    return keys;
  }

  add(b: PlacedBox): void {
    for (const k of this.keys(b)) {
      const cell = this.cells.get(k);
      if (cell) cell.push(b);
      else this.cells.set(k, [b]);
    }
  }

  remove(b: PlacedBox): void {
    for (const k of this.keys(b)) {
      const cell = this.cells.get(k);
      if (cell) cell.splice(cell.indexOf(b), 1);
    }
  }

  /** Boxes `b` overlaps (with half a gap of air around it), other than `b` itself. */
  hits(b: PlacedBox): PlacedBox[] {
    const found = new Set<PlacedBox>();
    const air = GAP_X / 2;
    for (const k of this.keys(b)) {
      for (const o of this.cells.get(k) ?? []) {
        const apart =
          o.x >= b.x + b.width + air ||
          b.x >= o.x + o.width + air ||
          o.y >= b.y + b.height ||
          b.y >= o.y + o.height;
        if (o !== b && !apart) found.add(o);
      }
    }
    return [...found];
  }
}

/**
 * Moves a box sideways to the free spot nearest to where it was, on the same row (so it stays
 * below its parents and above its children): the candidates are the spots just beside each box
 * it would touch there.
 */
function nearestFreeX(box: PlacedBox, grid: BoxGrid, row: readonly PlacedBox[]): number {
  const start = box.x;
  const candidates = row
    .filter((o) => o !== box && o.y < box.y + box.height && box.y < o.y + o.height)
    .flatMap((o) => [o.x - box.width - GAP_X, o.x + o.width + GAP_X])
    .sort((a, b) => Math.abs(a - start) - Math.abs(b - start));
  for (const x of candidates) {
    box.x = x;
    if (grid.hits(box).length === 0) return x;
  }
  return start;
}

/**
 * Where the layout would put a node and where the user pinned another can collide; a laid-out
 * node that touches a pinned one moves sideways to the nearest free spot. Pinned boxes and nodes
 * that touch nothing pinned stay exactly where they are.
 */
export function clearPinned(boxes: readonly PlacedBox[]): void {
  if (!boxes.some((b) => b.pinned)) return;
  const grid = new BoxGrid();
  for (const b of boxes) grid.add(b);
  for (const pinned of boxes.filter((b) => b.pinned)) {
    for (const hit of grid.hits(pinned)) {
      if (hit.pinned) continue;
      grid.remove(hit);
      hit.x = nearestFreeX(hit, grid, boxes);
      grid.add(hit);
    }
  }
}
