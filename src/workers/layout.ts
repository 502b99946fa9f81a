import dagre from '@dagrejs/dagre';
import type { LayoutInput, LayoutPositions } from '../domain/layoutTypes';

const STAKEHOLDER_PREFIX = 'stakeholder:';

/** dagre writes each node's centre into x/y during layout; `rank` is the layer we give it. */
interface LaidOutBox {
  width: number;
  height: number;
  x: number;
  y: number;
  rank: number;
}

/**
 * dagre's crossing reduction repeats sweeps over every layer until four bring no gain: on a
 * 500-goal map that is 40% of the layout time, on a 2,000-goal map seconds. Past this size the
 * depth-first first order is kept; it already draws the tree itself without crossings (only second
 * parents and incentives cross).
 */
const CROSSING_REDUCTION_MAX_NODES = 400;

/**
 * Each goal's level: the longest path down from a goal without parents, in linear time. dagre's
 * own ranking (network simplex) takes seconds on a 2,000-goal map and lets incentive edges pull a
 * goal below its level; in a KPI tree the level is what a reader compares.
 */
function goalDepths(input: LayoutInput): Map<string, number> {
  const children = new Map<string, string[]>();
  const parentsLeft = new Map<string, number>(input.goals.map((g) => [g.id, 0]));
  for (const l of input.links) {
    const siblings = children.get(l.to);
    if (siblings) siblings.push(l.from);
    else children.set(l.to, [l.from]);
    parentsLeft.set(l.from, (parentsLeft.get(l.from) ?? 0) + 1);
  }
  const queue = input.goals.filter((g) => parentsLeft.get(g.id) === 0).map((g) => g.id);
  const depth = new Map<string, number>(queue.map((id) => [id, 0]));
  for (const id of queue) {
    const below = (depth.get(id) ?? 0) + 1;
    for (const child of children.get(id) ?? []) {
      depth.set(child, Math.max(depth.get(child) ?? 0, below));
      const left = (parentsLeft.get(child) ?? 1) - 1;
      parentsLeft.set(child, left);
      if (left === 0) queue.push(child);
    }
  }
  return depth;
}

/** A stakeholder sits one level below the deepest goal they hold. */
function holderDepths(input: LayoutInput, depth: ReadonlyMap<string, number>): Map<string, number> {
  const result = new Map<string, number>();
  for (const i of input.incentives) {
    const below = (depth.get(i.goalId) ?? 0) + 1;
    result.set(i.stakeholderId, Math.max(result.get(i.stakeholderId) ?? 0, below));
  }
  return result;
}

/**
 * Top-down layered layout: the mission on top, each goal below the goals it contributes to, and each
 * stakeholder one layer below the goals they hold. Pure (graph in, positions out) so it can run in
 * a worker and in tests.
 */
export function computeLayout(input: LayoutInput): LayoutPositions {
  const holders = new Set(input.incentives.map((i) => i.stakeholderId));
  const held = input.stakeholders.filter((s) => holders.has(s.id));
  const depth = goalDepths(input);
  const holderDepth = holderDepths(input, depth);
  const graph = new dagre.graphlib.Graph<object, LaidOutBox, object>({ multigraph: false });
  // Ranks are given (ranker 'none'); dagre keeps every other rank free for edge labels, hence 2×.
  graph.setGraph({
    rankdir: 'TB',
    nodesep: 24,
    ranksep: 80,
    marginx: 20,
    marginy: 20,
    ranker: 'none',
  });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const g of input.goals) {
    const rank = 2 * (depth.get(g.id) ?? 0);
    graph.setNode(g.id, { width: g.width, height: g.height, x: 0, y: 0, rank });
  }
  for (const s of held) {
    const rank = 2 * (holderDepth.get(s.id) ?? 0);
    graph.setNode(STAKEHOLDER_PREFIX + s.id, {
      width: s.width,
      height: s.height,
      x: 0,
      y: 0,
      rank,
    });
  }
  // dagre ranks along edge direction, so parents point at children to put the mission on top.
  for (const l of input.links) graph.setEdge(l.to, l.from);
  for (const i of input.incentives) graph.setEdge(i.goalId, STAKEHOLDER_PREFIX + i.stakeholderId);
  const nodeCount = input.goals.length + held.length;
  dagre.layout(graph, { disableOptimalOrderHeuristic: nodeCount > CROSSING_REDUCTION_MAX_NODES });

  const positions: Record<string, { x: number; y: number }> = {};
  const place = (key: string, id: string, pinned: { x: number; y: number } | null) => {
    if (pinned) {
      positions[id] = { x: pinned.x, y: pinned.y };
      return;
    }
    const n = graph.node(key);
    // dagre reports centres; React Flow positions are top-left corners.
    positions[id] = { x: Math.round(n.x - n.width / 2), y: Math.round(n.y - n.height / 2) };
  };
  for (const g of input.goals) place(g.id, g.id, g.pinned);
  for (const s of held) place(STAKEHOLDER_PREFIX + s.id, s.id, s.pinned);
  placeUnheld(input, holders, positions);
  return positions;
}

/** People who hold no goal yet wait in a row below the map, in the order they were added. */
function placeUnheld(
  input: LayoutInput,
  holders: ReadonlySet<string>,
  positions: Record<string, { x: number; y: number }>,
): void {
  const boxes = [...input.goals, ...input.stakeholders].filter((n) => positions[n.id]);
  const bottom = Math.max(20, ...boxes.map((n) => (positions[n.id]?.y ?? 0) + n.height));
  let x = 20;
  for (const s of input.stakeholders) {
    if (holders.has(s.id)) continue;
    positions[s.id] = s.pinned ?? { x, y: bottom + 80 };
    x += s.width + 24;
  }
}
