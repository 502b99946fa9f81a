/**
 * Which way the goal tree grows on the canvas: top-down (the mission on top, the default) or
 * left-to-right (the mission on the left). A per-map view setting kept on this device, never in
 * the file format. Left-to-right is top-down transposed: the layout and the edge routing work in
 * top-down terms on the transposed picture (x↔y, width↔height), and the answer is transposed back,
 * so both orientations keep every property of one algorithm (no overlaps, no edge through a box).
 */
export type Orientation = 'topDown' | 'leftRight';

export const DEFAULT_ORIENTATION: Orientation = 'topDown';

export const ORIENTATIONS: readonly Orientation[] = ['topDown', 'leftRight'];

export const isOrientation = (value: unknown): value is Orientation =>
  value === 'topDown' || value === 'leftRight';

/** A point mirrored across the diagonal: its own inverse. */
export const transposePoint = <P extends { readonly x: number; readonly y: number }>(p: P): P => ({
  ...p,
  x: p.y,
  y: p.x,
});

/** A box mirrored across the diagonal: its position and its sides swap. */
export const transposeRect = <
  R extends {
    readonly x: number;
    readonly y: number;
    readonly width: number;
    readonly height: number;
  },
>(
  r: R,
): R => ({ ...r, x: r.y, y: r.x, width: r.height, height: r.width });
