import type { LayoutInput, LayoutNodeInput, LayoutPositions } from '../domain/layoutTypes';
import { transposePoint } from '../domain/orientation';

const transposeNode = (n: LayoutNodeInput): LayoutNodeInput => ({
  ...n,
  width: n.height,
  height: n.width,
  pinned: n.pinned && transposePoint(n.pinned),
});

/**
 * A left-to-right map as the top-down layout sees it: every box mirrored across the diagonal
 * (a box's height is how much room it takes across the tree's breadth, its width along a
 * level), pins likewise, and the screen turned on its side.
 */
export function transposeInput(input: LayoutInput): LayoutInput {
  return {
    ...input,
    goals: input.goals.map(transposeNode),
    stakeholders: input.stakeholders.map(transposeNode),
    aspect: input.aspect === undefined ? undefined : 1 / input.aspect,
    orientation: 'topDown',
  };
}

/** Top-left corners mirrored back: a box of the transposed picture at (x, y) is at (y, x). */
export function transposePositions(positions: LayoutPositions): LayoutPositions {
  // fromEntries defines each id as an own key, so an id like `__proto__` is a position too.
  return Object.fromEntries(Object.entries(positions).map(([id, p]) => [id, transposePoint(p)]));
}

/**
 * Runs a top-down placement on a map of either orientation (with the positions it starts from,
 * if any), transposing in and out as needed.
 */
export function inOrientation(
  input: LayoutInput,
  place: (topDown: LayoutInput, existing: LayoutPositions) => LayoutPositions,
  existing: LayoutPositions = {},
): LayoutPositions {
  if (input.orientation !== 'leftRight') return place(input, existing);
  return transposePositions(place(transposeInput(input), transposePositions(existing)));
}
