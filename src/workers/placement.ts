import type { LayoutInput, LayoutNodeInput, LayoutPositions } from '../domain/layoutTypes';

const GAP_X = 24;
const GAP_Y = 80;

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
 * Places nodes that have no position yet, without moving any node that has one: a new goal goes
 * below the goal it contributes to, a new person below the first goal they hold, anything else to
 * the right of the map (a person: below it). This is what keeps an edit from making the whole map jump.
 */
export function placeNewNodes(input: LayoutInput, existing: LayoutPositions): LayoutPositions {
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
  for (const l of input.links) if (!anchorOf.has(l.from)) anchorOf.set(l.from, l.to);
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
      ? { x: Number.isFinite(left) ? left : 0, y: bottom + GAP_Y }
      : { x: right + GAP_X * 2, y: Number.isFinite(top) ? top : 0 };
  const added: Record<string, { x: number; y: number }> = {};
  for (const node of [...input.goals, ...input.stakeholders]) {
    if (at.has(node.id)) continue;
    const anchorId = anchorOf.get(node.id);
    const anchor = anchorId === undefined ? undefined : at.get(anchorId);
    const start =
      node.pinned ??
      (anchor ? { x: anchor.x, y: anchor.y + anchor.height + GAP_Y } : looseSpot(node.id));
    const box = freeSpot({ ...start, width: node.width, height: node.height }, placed);
    placed.push(box);
    at.set(node.id, box);
    added[node.id] = { x: box.x, y: box.y };
  }
  return added;
}
