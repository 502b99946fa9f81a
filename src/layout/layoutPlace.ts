import type { LayoutGraph } from './layoutGraph';

/** Air between boxes side by side; the trunk from a parent runs down the middle of it. */
export const GAP_X = 24;
/** From a parent's bottom to the top of its first row of children. */
export const GAP_PARENT = 48;
/** Between rows of children: room for the bus line that joins a row to its parent's trunk. */
export const GAP_ROW = 32;
/** Leaves listed down a rail beside the trunk once a parent has this many of them. */
export const RAIL_MIN = 3;
export const MARGIN = 20;

/**
 * Each subtree is a block: the node on top, its children's blocks in rows below it. Sizes are
 * measured bottom-up; `childLeft`/`childTop` place a child's block inside its parent's.
 */
interface Blocks {
  readonly width: Float64Array;
  readonly height: Float64Array;
  /** The node's own left edge inside its block (the node is always at the block's top). */
  readonly nodeLeft: Float64Array;
  readonly childLeft: Float64Array;
  readonly childTop: Float64Array;
}

/** Where the tree is drawn: top-left corners by goal index, and the whole tree's extent. */
export interface TreePlacement {
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly width: number;
  readonly height: number;
}

const isLeaf = (graph: LayoutGraph, v: number) => (graph.children[v]?.length ?? 0) === 0;

/**
 * A parent's own children (late rank 0) as rows of blocks: leaves first down a rail, two to a row,
 * when there are RAIL_MIN or more, then subtrees filling rows up to `rowWidth` (at least one
 * block per row).
 */
function rowsOf(graph: LayoutGraph, list: readonly number[], blocks: Blocks, rowWidth: number) {
  const rows: number[][] = [];
  const leaves = list.filter((c) => isLeaf(graph, c));
  const railed = leaves.length >= RAIL_MIN ? new Set(leaves) : new Set<number>();
  for (let i = 0; i < leaves.length && railed.size > 0; i += 2) rows.push(leaves.slice(i, i + 2));
  let row: number[] = [];
  let width = 0;
  for (const c of list) {
    if (railed.has(c)) continue;
    const w = blocks.width[c] ?? 0;
    if (row.length > 0 && width + GAP_X + w > rowWidth) {
      rows.push(row);
      [row, width] = [[], 0];
    }
    width += (row.length > 0 ? GAP_X : 0) + w;
    row.push(c);
  }
  if (row.length > 0) rows.push(row);
  return rows;
}

const spanOf = (blocks: Blocks, row: readonly number[]) =>
  row.reduce((sum, c, i) => sum + (i > 0 ? GAP_X : 0) + (blocks.width[c] ?? 0), 0);

/** The first k blocks of the row go left of the trunk; k splits the row's width most evenly. */
function splitAt(blocks: Blocks, row: readonly number[]): number {
  if (row.length === 1) return 1;
  const total = spanOf(blocks, row);
  let [best, bestDiff, left] = [1, Infinity, 0];
  for (let k = 1; k < row.length; k++) {
    left += (k > 1 ? GAP_X : 0) + (blocks.width[row[k - 1] ?? 0] ?? 0);
    const diff = Math.abs(left - (total - left - GAP_X));
    if (diff < bestDiff) [best, bestDiff] = [k, diff];
  }
  return best;
}

/**
 * Lays the rows out below `own` (the parent's width; 0 for the map's tops, which have no trunk)
 * and returns the block's width, its height and the parent's left edge in it. One row is centred
 * under the parent; several rows leave a gutter under the parent's centre for its trunk, blocks
 * left of it right-aligned to it and the rest left-aligned to it, so every edge to a child runs
 * down the trunk and along the gap above its row without crossing a box.
 */
function placeRows(rows: readonly number[][], own: number, top: number, blocks: Blocks) {
  const heights = rows.map((row) => Math.max(...row.map((c) => blocks.height[c] ?? 0)));
  const tops: number[] = [];
  let y = top;
  heights.forEach((h) => {
    tops.push(y);
    y += h + GAP_ROW;
  });
  const bottom = y - GAP_ROW;
  const put = (row: readonly number[], left: number, rowTop: number) => {
    let x = left;
    for (const c of row) {
      blocks.childLeft[c] = x;
      blocks.childTop[c] = rowTop;
      x += (blocks.width[c] ?? 0) + GAP_X;
    }
  };
  if (rows.length === 1) {
    const row = rows[0] ?? [];
    const span = spanOf(blocks, row);
    const width = Math.max(span, own);
    put(row, (width - span) / 2, top);
    return { width, height: bottom, nodeLeft: (width - own) / 2 };
  }
  const halves = rows.map((row) => {
    const k = splitAt(blocks, row);
    return [row.slice(0, k), row.slice(k)] as const;
  });
  const trunk = Math.max(own / 2, ...halves.map(([l]) => spanOf(blocks, l) + GAP_X / 2));
  const right = Math.max(own / 2, ...halves.map(([, r]) => spanOf(blocks, r) + GAP_X / 2));
  halves.forEach(([l, r], i) => {
    put(l, trunk - GAP_X / 2 - spanOf(blocks, l), tops[i] ?? 0);
    put(r, trunk + GAP_X / 2, tops[i] ?? 0);
  });
  return { width: trunk + right, height: bottom, nodeLeft: trunk - own / 2 };
}

/** The centre x of goal p inside the block of its tree ancestor `top` (-1: the whole map). */
function centreIn(graph: LayoutGraph, blocks: Blocks, p: number, top: number, topLeft: number) {
  if (p === top) return topLeft + (graph.width[p] ?? 0) / 2;
  let x = (blocks.nodeLeft[p] ?? 0) + (graph.width[p] ?? 0) / 2;
  for (let c = p; c >= 0 && c !== top; c = graph.treeParent[c] ?? -1) x += blocks.childLeft[c] ?? 0;
  return x;
}

interface Extent {
  readonly width: number;
  readonly height: number;
  readonly nodeLeft: number;
}

interface Wanted {
  readonly c: number;
  /** Where the goal's centre would best go: the mean centre of its parents. */
  readonly centre: number;
}

/** Blocks in order, cut into rows no wider than `rowWidth` (at least one block per row). */
function wrapRows(items: readonly Wanted[], blocks: Blocks, rowWidth: number): Wanted[][] {
  const rows: Wanted[][] = [];
  let [row, width] = [[] as Wanted[], 0];
  for (const item of items) {
    const w = blocks.width[item.c] ?? 0;
    if (row.length > 0 && width + GAP_X + w > rowWidth) [row, width] = [[], 0];
    if (row.length === 0) rows.push(row);
    width += (row.length > 0 ? GAP_X : 0) + w;
    row.push(item);
  }
  return rows;
}

/**
 * Packs a row of blocks side by side, slides the row to where its goals are nearest their
 * wanted centres (the median of the offsets), then lets each move on towards its own. Returns
 * the row's left and right edges.
 */
function packNear(graph: LayoutGraph, blocks: Blocks, row: readonly Wanted[]) {
  let cursor = 0;
  const offsets = row.map(({ c, centre }) => {
    const at = cursor;
    blocks.childLeft[c] = at;
    cursor += (blocks.width[c] ?? 0) + GAP_X;
    return centre - (at + (blocks.nodeLeft[c] ?? 0) + (graph.width[c] ?? 0) / 2);
  });
  const shift = [...offsets].sort((a, b) => a - b)[Math.floor(offsets.length / 2)] ?? 0;
  const x = row.map(({ c }) => (blocks.childLeft[c] ?? 0) + shift);
  const want = row.map((_, i) => (x[i] ?? 0) + (offsets[i] ?? 0) - shift);
  const width = row.map(({ c }) => blocks.width[c] ?? 0);
  // Then each goal moves on towards its wanted place as far as its neighbours let it.
  for (let i = row.length - 1; i >= 0; i--) {
    const limit = i + 1 < row.length ? (x[i + 1] ?? 0) - GAP_X - (width[i] ?? 0) : Infinity;
    x[i] = Math.max(x[i] ?? 0, Math.min(want[i] ?? 0, limit));
  }
  for (let i = 0; i < row.length; i++) {
    const limit = i > 0 ? (x[i - 1] ?? 0) + (width[i - 1] ?? 0) + GAP_X : -Infinity;
    x[i] = Math.min(x[i] ?? 0, Math.max(want[i] ?? 0, limit));
  }
  row.forEach(({ c }, i) => (blocks.childLeft[c] = x[i] ?? 0));
  const last = row.length - 1;
  return { left: x[0] ?? 0, right: (x[last] ?? 0) + (width[last] ?? 0) };
}

/**
 * Goals drawn in this block for having several parents in it go in rows below the block's own
 * children, rank by rank, ordered by the mean centre of their parents and each row slid to
 * where they are nearest it, so both links stay short.
 */
function placeLate(
  graph: LayoutGraph,
  top: number,
  late: readonly number[],
  blocks: Blocks,
  own: Extent,
  rowWidth: number,
): Extent {
  if (late.length === 0) return own;
  const all = top < 0 ? graph.roots : (graph.children[top] ?? []);
  let [left, right, y] = [0, own.width, own.height + GAP_ROW];
  for (const rank of [...new Set(late.map((c) => graph.late[c] ?? 0))].sort((a, b) => a - b)) {
    const wanted = late
      .filter((c) => graph.late[c] === rank)
      .map((c) => {
        const ps = graph.parents[c] ?? [];
        const sum = ps.reduce((t, p) => t + centreIn(graph, blocks, p, top, own.nodeLeft), 0);
        return { c, centre: sum / Math.max(1, ps.length) };
      })
      .sort((a, b) => a.centre - b.centre);
    for (const row of wrapRows(wanted, blocks, rowWidth)) {
      const placed = packNear(graph, blocks, row);
      [left, right] = [Math.min(left, placed.left), Math.max(right, placed.right)];
      for (const { c } of row) blocks.childTop[c] = y;
      y += Math.max(...row.map(({ c }) => blocks.height[c] ?? 0)) + GAP_ROW;
    }
  }
  for (const c of all) blocks.childLeft[c] = (blocks.childLeft[c] ?? 0) - left;
  return { width: right - left, height: y - GAP_ROW, nodeLeft: own.nodeLeft - left };
}

function measure(graph: LayoutGraph, v: number, blocks: Blocks, rowWidth: number): void {
  const own = graph.width[v] ?? 0;
  const ownHeight = graph.height[v] ?? 0;
  const list = graph.children[v] ?? [];
  if (list.length === 0) {
    [blocks.width[v], blocks.height[v], blocks.nodeLeft[v]] = [own, ownHeight, 0];
    return;
  }
  const placed = placeChildren(graph, v, list, own, ownHeight + GAP_PARENT, blocks, rowWidth);
  [blocks.width[v], blocks.height[v], blocks.nodeLeft[v]] = [
    placed.width,
    placed.height,
    placed.nodeLeft,
  ];
}

/** A parent's own children in rows, then the goals placed late in its block below them. */
function placeChildren(
  graph: LayoutGraph,
  v: number,
  list: readonly number[],
  own: number,
  top: number,
  blocks: Blocks,
  rowWidth: number,
): Extent {
  const early = list.filter((c) => (graph.late[c] ?? 0) === 0);
  const rows = rowsOf(graph, early, blocks, rowWidth);
  const placed =
    rows.length > 0
      ? placeRows(rows, own, top, blocks)
      : { width: own, height: top - GAP_ROW, nodeLeft: 0 };
  return placeLate(
    graph,
    v,
    list.filter((c) => (graph.late[c] ?? 0) > 0),
    blocks,
    placed,
    rowWidth,
  );
}

/**
 * Compact org-chart placement of the goal tree: every subtree a block with its node on top and
 * its children in rows no wider than `rowWidth` (wider rows wrap), leaves down a rail. A smaller
 * `rowWidth` gives a narrower, taller map; the caller picks the one that fits the screen best.
 */
export function placeTree(graph: LayoutGraph, rowWidth: number): TreePlacement {
  const n = graph.ids.length;
  const blocks: Blocks = {
    width: new Float64Array(n),
    height: new Float64Array(n),
    nodeLeft: new Float64Array(n),
    childLeft: new Float64Array(n),
    childTop: new Float64Array(n),
  };
  for (const v of graph.deepestFirst) measure(graph, v, blocks, rowWidth);
  const forest = placeChildren(graph, -1, graph.roots, 0, MARGIN, blocks, rowWidth);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const blockX = new Float64Array(n);
  for (let i = graph.deepestFirst.length - 1; i >= 0; i--) {
    const v = graph.deepestFirst[i] ?? 0;
    const p = graph.treeParent[v] ?? -1;
    const [originX, originY] = p < 0 ? [MARGIN, 0] : [blockX[p] ?? 0, y[p] ?? 0];
    blockX[v] = originX + (blocks.childLeft[v] ?? 0);
    y[v] = originY + (blocks.childTop[v] ?? 0);
    x[v] = (blockX[v] ?? 0) + (blocks.nodeLeft[v] ?? 0);
  }
  return { x, y, width: forest.width + 2 * MARGIN, height: forest.height + MARGIN };
}
