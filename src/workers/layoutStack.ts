import type { LayoutGraph } from './layoutGraph';

export const GAP_X = 24;
/** Rows of a block sit closer than levels: they read as one list under the parent. */
export const STACK_GAP_Y = 28;

/**
 * Columns of a block of `count` leaves: about twice as many rows as columns, since a box is about
 * twice as wide as it is tall — the block comes out roughly square on screen.
 */
export function stackColumns(count: number): number {
  return Math.min(count, Math.ceil(Math.sqrt(count / 2)));
}

/** Where a block's cells go, from its top-left corner, and how wide it is. */
export interface StackLayout {
  readonly width: number;
  readonly left: readonly number[];
  readonly top: readonly number[];
}

/** Leaves row by row in equal columns, each centred in its column. */
export function layOutStack(graph: LayoutGraph, leaves: readonly number[]): StackLayout {
  const columns = stackColumns(leaves.length);
  let [columnWidth, rowHeight] = [0, 0];
  for (const v of leaves) {
    columnWidth = Math.max(columnWidth, graph.width[v] ?? 0);
    rowHeight = Math.max(rowHeight, graph.height[v] ?? 0);
  }
  const left = leaves.map(
    (v, i) => (i % columns) * (columnWidth + GAP_X) + (columnWidth - (graph.width[v] ?? 0)) / 2,
  );
  const top = leaves.map((_, i) => Math.floor(i / columns) * (rowHeight + STACK_GAP_Y));
  return { width: columns * columnWidth + (columns - 1) * GAP_X, left, top };
}
