import type { LayoutInput, LayoutNodeInput, LayoutPositions } from '../domain/layoutTypes';
import { GAP_PARENT, GAP_ROW, GAP_X } from './layoutPlace';
import { inOrientation } from './transpose';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const overlaps = (a: Box, b: Box): boolean =>
  a.x < b.x + b.width + GAP_X / 2 &&
  b.x < a.x + a.width + GAP_X / 2 &&
  a.y < b.y + b.height &&
  b.y < a.y + a.height;

/** Slides a box right until it no longer overlaps any placed box. */
function freeSpot(box: Box, placed: readonly Box[]): Box {
  let candidate = box;
  for (let guard = 0; guard < 10_000; guard++) {
    const hit = placed.find((p) => overlaps(candidate, p));
    if (!hit) return candidate;
    candidate = { ...candidate, x: hit.x + hit.width + GAP_X };
  }
  return candidate;
}

/**
 * Where a new child of `anchor` starts looking for room: after its last placed sibling — the next
 * cell when the siblings are stacked in a block (a new cell row below a full one), else the end of
 * their row — or right below `anchor` when it has no children yet.
 */
function startNextToSiblings(anchor: Box, siblings: readonly Box[]): { x: number; y: number } {
  if (siblings.length === 0) return { x: anchor.x, y: anchor.y + anchor.height + GAP_PARENT };
  const lowestY = Math.max(...siblings.map((b) => b.y));
  const lowest = siblings.filter((b) => b.y === lowestY);
  const rowEnd = Math.max(...lowest.map((b) => b.x + b.width));
  const stacked = lowest.length < siblings.length;
  const blockEnd = Math.max(...siblings.map((b) => b.x + b.width));
  const width = lowest[0]?.width ?? 0;
  if (!stacked || rowEnd + GAP_X + width <= blockEnd) return { x: rowEnd + GAP_X, y: lowestY };
  const height = Math.max(...lowest.map((b) => b.height));
  return { x: Math.min(...siblings.map((b) => b.x)), y: lowestY + height + GAP_ROW };
}

/**
 * Places nodes that have no position yet, without moving any node that has one: a new goal goes
 * next to its siblings below the goal it contributes to, a new person below the first goal they
 * hold, anything else to the right of the map (a person: below it). This is what keeps an edit from making the whole map jump.
 * Left to right, the same transposed: next to its siblings right of its parent, and so on.
 */
export function placeNewNodes(input: LayoutInput, existing: LayoutPositions): LayoutPositions {
  return inOrientation(input, placeTopDown, existing);
}

function placeTopDown(input: LayoutInput, existing: LayoutPositions): LayoutPositions {
  const sizeOf = new Map<string, LayoutNodeInput>();
  for (const n of [...input.goals, ...input.stakeholders]) sizeOf.set(n.id, n);
  const placed: Box[] = [];
  const at = new Map<string, Box>();
  for (const [id, p] of Object.entries(existing)) {
    const size = sizeOf.get(id);
    if (!size) continue;
    const box = { x: p.x, y: p.y, width: size.width, height: size.height };
    placed.push(box);
    at.set(id, box);
  }
  const anchorOf = new Map<string, string>();
  const childrenOf = new Map<string, string[]>();
  for (const l of input.links) {
    if (!anchorOf.has(l.from)) anchorOf.set(l.from, l.to);
    const siblings = childrenOf.get(l.to);
    if (siblings) siblings.push(l.from);
    else childrenOf.set(l.to, [l.from]);
  }
  const siblingsOf = (id: string, anchorId: string) =>
    (childrenOf.get(anchorId) ?? []).flatMap((c) => {
      const b = c === id ? undefined : at.get(c);
      return b ? [b] : [];
    });
  for (const i of input.incentives) {
    if (!anchorOf.has(i.stakeholderId)) anchorOf.set(i.stakeholderId, i.goalId);
  }
  const right = placed.reduce((max, b) => Math.max(max, b.x + b.width), 0);
  const left = placed.reduce((min, b) => Math.min(min, b.x), Number.POSITIVE_INFINITY);
  const top = placed.reduce((min, b) => Math.min(min, b.y), Number.POSITIVE_INFINITY);
  const bottom = placed.reduce((max, b) => Math.max(max, b.y + b.height), 0);
  const people = new Set(input.stakeholders.map((s) => s.id));
  // Without an anchor, a goal starts a new tree to the right; a person waits below the map.
  const looseSpot = (id: string) =>
    people.has(id)
      ? { x: Number.isFinite(left) ? left : 0, y: bottom + GAP_PARENT }
      : { x: right + GAP_X * 2, y: Number.isFinite(top) ? top : 0 };
  const added = new Map<string, { x: number; y: number }>();
  for (const node of [...input.goals, ...input.stakeholders]) {
    if (at.has(node.id)) continue;
    const anchorId = anchorOf.get(node.id);
    const anchor = anchorId === undefined ? undefined : at.get(anchorId);
    const start =
      node.pinned ??
      (anchor && anchorId !== undefined
        ? startNextToSiblings(anchor, siblingsOf(node.id, anchorId))
        : looseSpot(node.id));
    const box = freeSpot({ ...start, width: node.width, height: node.height }, placed);
    placed.push(box);
    at.set(node.id, box);
    added.set(node.id, { x: box.x, y: box.y });
  }
  // fromEntries defines each id as an own key, so an id like `__proto__` is a position too.
  return Object.fromEntries(added);
}
