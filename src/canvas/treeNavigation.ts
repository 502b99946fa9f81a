import type { MapDocument } from '../domain/model';

export type TreeDirection = 'up' | 'down' | 'left' | 'right';

export const ARROW_DIRECTIONS: Readonly<Record<string, TreeDirection>> = {
  ArrowUp: 'up',
  ArrowDown: 'down',
  ArrowLeft: 'left',
  ArrowRight: 'right',
};

/**
 * The goal an arrow key leads to from `goalId`, along the tree: up to a parent, down to a child,
 * left or right to the next sibling under the same parent (the mission's siblings are the other
 * tops). Among several, the one nearest on screen (`xOf`) wins, so the keys follow the drawing.
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
