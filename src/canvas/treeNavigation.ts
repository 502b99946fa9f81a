import type { MapDocument } from '../domain/model';
import type { Orientation } from '../domain/orientation';

/** Up the tree, down it, or to the previous or next sibling ("left", "right" when top-down). */
export type TreeDirection = 'up' | 'down' | 'left' | 'right';

/** Where each arrow key leads as the tree is drawn: it follows the picture. */
export const ARROW_DIRECTIONS: Readonly<
  Record<Orientation, Readonly<Record<string, TreeDirection>>>
> = {
  topDown: { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' },
  leftRight: { ArrowLeft: 'up', ArrowRight: 'down', ArrowUp: 'left', ArrowDown: 'right' },
};

/**
 * The goal an arrow key leads to from `goalId`, along the tree: up to a parent, down to a child,
 * left or right to the next sibling under the same parent (the mission's siblings are the other
 * tops). Among several, the one nearest on screen wins, so the keys follow the drawing: `xOf` is
 * where a goal sits across the tree (its x top-down, its y when the tree runs left to right).
 * Null when there is nowhere to go that way.
 */
export function neighbourGoal(
  doc: MapDocument,
  goalId: string,
  direction: TreeDirection,
  xOf: (id: string) => number,
): string | null {
  const parents = doc.links.filter((l) => l.from === goalId).map((l) => l.to);
  const nearest = (ids: readonly string[]) =>
    [...ids].sort((a, b) => Math.abs(xOf(a) - xOf(goalId)) - Math.abs(xOf(b) - xOf(goalId)))[0] ??
    null;
  if (direction === 'up') return nearest(parents);
  if (direction === 'down')
    return nearest(doc.links.filter((l) => l.to === goalId).map((l) => l.from));
  const parent = nearest(parents);
  const siblings =
    parent === null
      ? doc.goals.filter((g) => !doc.links.some((l) => l.from === g.id)).map((g) => g.id)
      : doc.links.filter((l) => l.to === parent).map((l) => l.from);
  const row: string[] = [...new Set(siblings)].sort((a, b) => xOf(a) - xOf(b));
  const at = row.indexOf(goalId);
  return row[direction === 'left' ? at - 1 : at + 1] ?? null;
}
