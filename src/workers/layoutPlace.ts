import { STACK_NONE, type LayoutGraph } from './layoutGraph';
import { GAP_X, layOutStack } from './layoutStack';

export const GAP_Y = 80;
export const MARGIN = 20;
/** Fewer leaves than this stay in a row; a row of four still reads at a glance. */
export const STACK_MIN = 5;
export const TREE_GAP = 2 * GAP_X;

/** Top-left corners by node index, and each subtree's block: its width, the node's left in it. */
export interface Placement {
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly blockWidth: Float64Array;
  readonly nodeLeft: Float64Array;
}

/** One thing in a row of children: a child's whole subtree, or a stacked block of leaves. */
export interface Item {
  readonly nodes: readonly number[];
  readonly stacked: boolean;
  /** Where it goes in the row: its child's rank among the siblings (a block: their mean). */
  readonly key: number;
}

/** The row under v, in drawing order; blocks keep their members' order as their cells' order. */
export function rowItems(graph: LayoutGraph, v: number): Item[] {
  const items: Item[] = [];
  const groups = new Map<number, { nodes: number[]; ranks: number[] }>();
  (graph.children[v] ?? []).forEach((c, rank) => {
    const group = graph.stackGroup[c] ?? STACK_NONE;
    if (group === STACK_NONE) {
      items.push({ nodes: [c], stacked: false, key: rank });
      return;
    }
    const members = groups.get(group) ?? { nodes: [], ranks: [] };
    members.nodes.push(c);
    members.ranks.push(rank);
    groups.set(group, members);
  });
  for (const { nodes, ranks } of groups.values()) {
    if (nodes.length >= STACK_MIN) {
      const key = ranks.reduce((sum, r) => sum + r, 0) / ranks.length;
      items.push({ nodes, stacked: true, key });
    } else {
      nodes.forEach((c, i) => items.push({ nodes: [c], stacked: false, key: ranks[i] ?? 0 }));
    }
  }
  return items.sort((a, b) => a.key - b.key);
}

/** Sizes of every subtree's block, bottom-up, and where each child sits inside its parent's. */
interface Blocks {
  readonly width: Float64Array;
  /** The node's own left edge inside its block. */
  readonly nodeLeft: Float64Array;
  /** A subtree child: its block's left edge inside the parent's block; a stacked leaf: its left. */
  readonly childLeft: Float64Array;
  /** A stacked leaf: how far below its level's row it sits; -1 for nodes not in a block. */
  readonly stackTop: Float64Array;
}

/** How wide an item of the row is, given the widths of the subtree blocks below. */
export function itemWidth(graph: LayoutGraph, item: Item, blockWidth: Float64Array): number {
  if (!item.stacked) return blockWidth[item.nodes[0] ?? 0] ?? 0;
  return layOutStack(graph, item.nodes).width;
}

function measureStack(graph: LayoutGraph, nodes: readonly number[], left: number, blocks: Blocks) {
  const stack = layOutStack(graph, nodes);
  nodes.forEach((c, i) => {
    blocks.childLeft[c] = left + (stack.left[i] ?? 0);
    blocks.stackTop[c] = stack.top[i] ?? 0;
  });
  return stack.width;
}

/** Puts one item of a row at `left`; returns its width and the x its top is centred on. */
function placeItem(graph: LayoutGraph, item: Item, left: number, blocks: Blocks): [number, number] {
  if (item.stacked) {
    const width = measureStack(graph, item.nodes, left, blocks);
    return [width, left + width / 2];
  }
  const c = item.nodes[0] ?? 0;
  blocks.childLeft[c] = left;
  return [blocks.width[c] ?? 0, left + (blocks.nodeLeft[c] ?? 0) + (graph.width[c] ?? 0) / 2];
}

/** Lays v's children out in one row of items and centres v over the first and last of them. */
function measureNode(graph: LayoutGraph, v: number, blocks: Blocks): void {
  const own = graph.width[v] ?? 0;
  const items = rowItems(graph, v);
  if (items.length === 0) {
    blocks.width[v] = own;
    blocks.nodeLeft[v] = 0;
    return;
  }
  let cursor = 0;
  const anchors: number[] = [];
  for (const item of items) {
    const [width, anchor] = placeItem(graph, item, cursor, blocks);
    anchors.push(anchor);
    cursor += width + GAP_X;
  }
  const rowWidth = cursor - GAP_X;
  const left = ((anchors[0] ?? 0) + (anchors[anchors.length - 1] ?? 0)) / 2 - own / 2;
  const shift = Math.max(0, -left);
  for (const c of graph.children[v] ?? []) blocks.childLeft[c] = (blocks.childLeft[c] ?? 0) + shift;
  blocks.nodeLeft[v] = left + shift;
  blocks.width[v] = Math.max(rowWidth + shift, left + shift + own);
}

/** Top of each level's row: every row is as tall as its tallest box. */
function rowTops(graph: LayoutGraph): Float64Array {
  let levels = 0;
  for (const d of graph.depth) levels = Math.max(levels, d + 1);
  const tallest = new Float64Array(levels);
  graph.depth.forEach((d, v) => {
    tallest[d] = Math.max(tallest[d] ?? 0, graph.height[v] ?? 0);
  });
  const tops = new Float64Array(levels);
  for (let d = 1; d < levels; d++) tops[d] = (tops[d - 1] ?? 0) + (tallest[d - 1] ?? 0) + GAP_Y;
  return tops.map((t) => t + MARGIN);
}

/**
 * Tidy top-down placement of the tree: each subtree gets its own band of x, children side by side
 * under their parent and the parent centred over them, so no two subtrees can overlap whatever
 * their depth. Many leaves of one parent are stacked in a block instead of a long row.
 */
export function placeTree(graph: LayoutGraph): Placement {
  const n = graph.ids.length;
  const blocks: Blocks = {
    width: new Float64Array(n),
    nodeLeft: new Float64Array(n),
    childLeft: new Float64Array(n),
    stackTop: new Float64Array(n).fill(-1),
  };
  const order = graph.deepestFirst;
  for (const v of order) measureNode(graph, v, blocks);
  const tops = rowTops(graph);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const blockLeft = new Float64Array(n);
  let cursor = MARGIN;
  for (const r of graph.roots) {
    blockLeft[r] = cursor;
    cursor += (blocks.width[r] ?? 0) + TREE_GAP;
  }
  for (let i = order.length - 1; i >= 0; i--) {
    const v = order[i] ?? 0;
    const p = graph.treeParent[v] ?? -1;
    const stackTop = blocks.stackTop[v] ?? -1;
    if (p >= 0) blockLeft[v] = (blockLeft[p] ?? 0) + (blocks.childLeft[v] ?? 0);
    x[v] = (blockLeft[v] ?? 0) + (stackTop >= 0 ? 0 : (blocks.nodeLeft[v] ?? 0));
    y[v] = (tops[graph.depth[v] ?? 0] ?? 0) + Math.max(0, stackTop);
  }
  return { x, y, blockWidth: blocks.width, nodeLeft: blocks.nodeLeft };
}
