import dagre from '@dagrejs/dagre';
import type { LayoutInput, LayoutPositions } from '../domain/layoutTypes';

const STAKEHOLDER_PREFIX = 'stakeholder:';

/** dagre writes each node's centre into x/y during layout. */
interface LaidOutBox {
  width: number;
  height: number;
  x: number;
  y: number;
}

/**
 * Top-down layered layout: the mission on top, each goal below the goals it contributes to, and each
 * stakeholder one layer below the goals they hold. Pure (graph in, positions out) so it can run in
 * a worker and in tests.
 */
export function computeLayout(input: LayoutInput): LayoutPositions {
  const holders = new Set(input.incentives.map((i) => i.stakeholderId));
  const held = input.stakeholders.filter((s) => holders.has(s.id));
  const graph = new dagre.graphlib.Graph<object, LaidOutBox, object>({ multigraph: false });
  graph.setGraph({ rankdir: 'TB', nodesep: 24, ranksep: 80, marginx: 20, marginy: 20 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const g of input.goals) {
    graph.setNode(g.id, { width: g.width, height: g.height, x: 0, y: 0 });
  }
  for (const s of held) {
    graph.setNode(STAKEHOLDER_PREFIX + s.id, { width: s.width, height: s.height, x: 0, y: 0 });
  }
  // dagre ranks along edge direction, so parents point at children to put the mission on top.
  for (const l of input.links) graph.setEdge(l.to, l.from);
  for (const i of input.incentives) graph.setEdge(i.goalId, STAKEHOLDER_PREFIX + i.stakeholderId);
  dagre.layout(graph);

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
