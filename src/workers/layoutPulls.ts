import type { LayoutGraph } from './layoutGraph';
import type { Placement } from './layoutPlace';

/**
 * One cross edge as one row of siblings sees it: `node` is the sibling whose subtree holds one
 * end, `other` the sibling holding the other end (-1 when that end is outside the row's parent),
 * and `offset` how far the far end is to the right of the near one now. Moving `node` by s and
 * `other` by t makes the edge run |s − t − offset| sideways.
 */
export interface Pull {
  readonly node: number;
  readonly other: number;
  readonly offset: number;
}

export const centreOf = (graph: LayoutGraph, p: Placement, v: number): number =>
  (p.x[v] ?? 0) + (graph.width[v] ?? 0) / 2;

/** Rows are keyed by their parent; the tops of all trees form row `graph.ids.length`. */
export const rowOf = (graph: LayoutGraph, parent: number): number =>
  parent < 0 ? graph.ids.length : parent;

/**
 * The pulls on every row: a cross edge a–b pulls each ancestor of a up to the lowest common
 * ancestor of a and b (and the same for b), since those are the rows whose order decides how far
 * apart its ends are drawn. Linear in cross edges × depth.
 */
export function collectPulls(graph: LayoutGraph, p: Placement): Pull[][] {
  const rows: Pull[][] = Array.from({ length: graph.ids.length + 1 }, () => []);
  const { depth, treeParent, crossEdges } = graph;
  const parentOf = (v: number) => treeParent[v] ?? -1;
  const pull = (node: number, other: number, offset: number) => {
    rows[rowOf(graph, parentOf(node))]?.push({ node, other, offset });
  };
  for (let i = 0; i + 1 < crossEdges.length; i += 2) {
    let [a, b] = [crossEdges[i] ?? 0, crossEdges[i + 1] ?? 0];
    const offset = centreOf(graph, p, b) - centreOf(graph, p, a);
    while ((depth[a] ?? 0) > (depth[b] ?? 0)) {
      pull(a, -1, offset);
      a = parentOf(a);
    }
    while ((depth[b] ?? 0) > (depth[a] ?? 0)) {
      pull(b, -1, -offset);
      b = parentOf(b);
    }
    if (a === b) continue;
    while (parentOf(a) !== parentOf(b)) {
      pull(a, -1, offset);
      pull(b, -1, -offset);
      [a, b] = [parentOf(a), parentOf(b)];
    }
    pull(a, b, offset);
    pull(b, a, -offset);
  }
  return rows;
}
