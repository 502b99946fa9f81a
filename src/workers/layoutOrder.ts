import type { LayoutGraph } from './layoutGraph';
import { TREE_GAP, itemWidth, placeTree, rowItems, type Item, type Placement } from './layoutPlace';
import { centreOf, collectPulls, rowOf, type Pull } from './layoutPulls';
import { GAP_X } from './layoutStack';

/** Each sweep is one placement plus a re-order of every row; a few settle real KPI trees. */
const MAX_SWEEPS = 4;
/** Rows up to this long also try swapping neighbours (quadratic in the row, so bounded). */
const SWAP_MAX_ITEMS = 40;

/** How far edges run sideways, in total: what the order sweeps shrink. */
function sidewaysLength(graph: LayoutGraph, p: Placement): number {
  let total = 0;
  const edges = graph.crossEdges;
  for (let i = 0; i + 1 < edges.length; i += 2) {
    total += Math.abs(centreOf(graph, p, edges[i] ?? 0) - centreOf(graph, p, edges[i + 1] ?? 0));
  }
  graph.treeParent.forEach((parent, v) => {
    if (parent >= 0) total += Math.abs(centreOf(graph, p, v) - centreOf(graph, p, parent));
  });
  return total;
}

/** A row of siblings with what reordering it needs: widths, anchors and the pulls on it. */
interface Row {
  readonly items: readonly Item[];
  readonly width: readonly number[];
  /** The centre of the item's top node(s), from the item's left edge. */
  readonly anchor: readonly number[];
  readonly gap: number;
  readonly pulls: readonly Pull[];
}

function lefts(row: Row, order: readonly number[]): Float64Array {
  const left = new Float64Array(row.items.length);
  let cursor = 0;
  for (const i of order) {
    left[i] = cursor;
    cursor += (row.width[i] ?? 0) + row.gap;
  }
  return left;
}

/** Sideways length of the row's edges if its items were drawn in `order`, all else kept. */
function rowCost(
  row: Row,
  order: readonly number[],
  start: Float64Array,
  itemOf: Map<number, number>,
) {
  const left = lefts(row, order);
  const shift = (node: number) => {
    const i = itemOf.get(node);
    return i === undefined ? 0 : (left[i] ?? 0) - (start[i] ?? 0);
  };
  let cost = 0;
  for (const p of row.pulls) cost += Math.abs(shift(p.node) - shift(p.other) - p.offset);
  const anchorAt = (i: number) => (left[i] ?? 0) + (row.anchor[i] ?? 0);
  const parent = (anchorAt(order[0] ?? 0) + anchorAt(order[order.length - 1] ?? 0)) / 2;
  order.forEach((i) => {
    cost += (row.items[i]?.nodes.length ?? 0) * Math.abs(anchorAt(i) - parent);
  });
  return cost;
}

/** Items by where their pulls want their anchors (the barycentre), unpulled ones staying put. */
function barycentreOrder(row: Row, start: Float64Array, itemOf: Map<number, number>): number[] {
  const sum = new Float64Array(row.items.length);
  const count = new Float64Array(row.items.length);
  for (const p of row.pulls) {
    const i = itemOf.get(p.node) ?? 0;
    sum[i] = (sum[i] ?? 0) + p.offset;
    count[i] = (count[i] ?? 0) + 1;
  }
  const key = row.items.map(
    (_, i) =>
      (start[i] ?? 0) + (row.anchor[i] ?? 0) + (count[i] ? (sum[i] ?? 0) / (count[i] ?? 1) : 0),
  );
  return row.items.map((_, i) => i).sort((a, b) => (key[a] ?? 0) - (key[b] ?? 0));
}

/** The better of the current and the barycentre order, then improved by neighbour swaps. */
function bestOrder(row: Row): number[] {
  const itemOf = new Map<number, number>();
  row.items.forEach((item, i) => item.nodes.forEach((v) => itemOf.set(v, i)));
  const current = row.items.map((_, i) => i);
  const start = lefts(row, current);
  const cost = (order: readonly number[]) => rowCost(row, order, start, itemOf);
  let best = current;
  let bestCost = cost(current);
  const bary = barycentreOrder(row, start, itemOf);
  const baryCost = cost(bary);
  if (baryCost < bestCost) [best, bestCost] = [bary, baryCost];
  if (row.items.length > SWAP_MAX_ITEMS) return best;
  for (let i = 0; i + 1 < best.length; i++) {
    const swapped = best.slice();
    [swapped[i], swapped[i + 1]] = [best[i + 1] ?? 0, best[i] ?? 0];
    const swappedCost = cost(swapped);
    if (swappedCost < bestCost) [best, bestCost] = [swapped, swappedCost];
  }
  return best;
}

/** Cells of a stacked block go in the order of where their own pulls want them. */
function orderCells(
  graph: LayoutGraph,
  p: Placement,
  item: Item,
  pulls: readonly Pull[],
): number[] {
  if (!item.stacked) return [...item.nodes];
  const wanted = new Map(item.nodes.map((v) => [v, { sum: 0, count: 0 }]));
  for (const pull of pulls) {
    const w = wanted.get(pull.node);
    if (w) [w.sum, w.count] = [w.sum + pull.offset, w.count + 1];
  }
  const key = (v: number) => {
    const w = wanted.get(v);
    return centreOf(graph, p, v) + (w?.count ? w.sum / w.count : 0);
  };
  return [...item.nodes].sort((a, b) => key(a) - key(b));
}

function reorderRow(graph: LayoutGraph, p: Placement, parent: number, pulls: readonly Pull[]) {
  const list = parent < 0 ? graph.roots : graph.children[parent];
  if (!list || list.length < 2 || pulls.length === 0) return;
  const items: Item[] =
    parent < 0
      ? list.map((v) => ({ nodes: [v], stacked: false, key: 0 }))
      : rowItems(graph, parent);
  const width = items.map((item) => itemWidth(graph, item, p.blockWidth));
  const anchor = items.map((item, i) => {
    if (item.stacked) return (width[i] ?? 0) / 2;
    const v = item.nodes[0] ?? 0;
    return (p.nodeLeft[v] ?? 0) + (graph.width[v] ?? 0) / 2;
  });
  const row: Row = { items, width, anchor, gap: parent < 0 ? TREE_GAP : GAP_X, pulls };
  const order = bestOrder(row);
  const flat = order.flatMap((i) => {
    const item = items[i];
    return item ? orderCells(graph, p, item, pulls) : [];
  });
  list.splice(0, list.length, ...flat);
}

function snapshot(graph: LayoutGraph): number[][] {
  return [graph.roots.slice(), ...graph.children.map((c) => c.slice())];
}

function restore(graph: LayoutGraph, saved: readonly number[][]): void {
  const [roots = [], ...children] = saved;
  graph.roots.splice(0, graph.roots.length, ...roots);
  children.forEach((c, v) => graph.children[v]?.splice(0, c.length, ...c));
}

/**
 * Places the tree, then re-orders every row of siblings to shorten the edges the tree does not
 * draw (second parents, the other goals a person holds), keeping the best placement: a goal with
 * two parents ends up on the side of its second one, i.e. between them. Bounded work: at most
 * MAX_SWEEPS + 1 placements, each O(n log n) plus the pulls (cross edges × depth).
 */
export function placeOrdered(graph: LayoutGraph): Placement {
  let best = placeTree(graph);
  if (graph.crossEdges.length === 0) return best;
  let bestLength = sidewaysLength(graph, best);
  let saved = snapshot(graph);
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    const rows = collectPulls(graph, best);
    reorderRow(graph, best, -1, rows[rowOf(graph, -1)] ?? []);
    graph.children.forEach((_, v) => reorderRow(graph, best, v, rows[v] ?? []));
    const next = placeTree(graph);
    const length = sidewaysLength(graph, next);
    if (length >= bestLength) break;
    [best, bestLength, saved] = [next, length, snapshot(graph)];
  }
  restore(graph, saved);
  return best;
}
