import type { LayoutInput } from '../domain/layoutTypes';

/**
 * The goals as the layout sees them, by index (document order), each with ONE tree parent: the
 * block it is drawn in. Every link is drawn, but only the tree decides where a goal goes.
 */
export interface LayoutGraph {
  readonly ids: readonly string[];
  readonly width: Float64Array;
  readonly height: Float64Array;
  /** Every goal a goal contributes to (no duplicates). */
  readonly parents: readonly (readonly number[])[];
  /**
   * The goal whose block this goal is drawn in (-1: a top of the map). Usually its only parent; a
   * goal with several parents is drawn in the block of their nearest common ancestor, in a row
   * below every parent (see `late`).
   */
  readonly treeParent: Int32Array;
  /** Tree children in document order. */
  readonly children: number[][];
  /** Tree tops, in document order. */
  readonly roots: number[];
  /**
   * 0 for a goal drawn under its only parent; for a goal drawn under the common ancestor of its
   * parents, one more than the late rank of the rows holding its parents there, so its rows come
   * after theirs and it sits below all of them.
   */
  readonly late: Int32Array;
  /** Every goal, children always before their tree parent. */
  readonly deepestFirst: readonly number[];
}

function indexParents(input: LayoutInput, at: ReadonlyMap<string, number>): number[][] {
  const parents: number[][] = input.goals.map(() => []);
  for (const l of input.links) {
    const [a, b] = [at.get(l.from), at.get(l.to)];
    if (a === undefined || b === undefined || a === b || parents[a]?.includes(b)) continue;
    parents[a]?.push(b);
  }
  return parents;
}

/**
 * Goals in an order where every parent comes before its children (Kahn's order, linear time).
 * Goals on a cycle, which the document invariants refuse, come last with no parents, so a
 * broken map still gets a layout.
 */
function topDown(parents: number[][]): number[] {
  const n = parents.length;
  const down: number[][] = Array.from({ length: n }, () => []);
  const waiting = Int32Array.from(parents, (ps) => ps.length);
  parents.forEach((ps, v) => ps.forEach((p) => down[p]?.push(v)));
  const order: number[] = [];
  for (let v = 0; v < n; v++) if (waiting[v] === 0) order.push(v);
  for (let head = 0; head < order.length; head++) {
    for (const c of down[order[head] ?? 0] ?? []) {
      waiting[c] = (waiting[c] ?? 0) - 1;
      if (waiting[c] === 0) order.push(c);
    }
  }
  const reached = new Uint8Array(n);
  for (const v of order) reached[v] = 1;
  for (let v = 0; v < n; v++) {
    if (reached[v]) continue;
    parents[v] = [];
    order.push(v);
  }
  return order;
}

/** The ancestor of `v` (or v itself) whose tree parent is `top`; -1 when v is `top`. */
function childOfOn(treeParent: Int32Array, v: number, top: number): number {
  let c = v;
  while (c >= 0 && (treeParent[c] ?? -1) !== top) c = treeParent[c] ?? -1;
  return c === top ? -1 : c;
}

function ancestors(treeParent: Int32Array, v: number): number[] {
  const chain: number[] = [];
  for (let a = v; a >= 0; a = treeParent[a] ?? -1) chain.push(a);
  return chain;
}

/** Nearest common tree ancestor of all `nodes` (a node counts as its own ancestor); -1: none. */
function commonAncestor(treeParent: Int32Array, nodes: readonly number[]): number {
  let shared = ancestors(treeParent, nodes[0] ?? -1);
  for (const v of nodes.slice(1)) {
    const chain = new Set(ancestors(treeParent, v));
    shared = shared.filter((a) => chain.has(a));
  }
  return shared[0] ?? -1;
}

/**
 * Tree parents, parents first: a goal with one parent hangs under it; a goal with several under
 * their nearest common ancestor, ranked below every row that holds one of them.
 */
function treeOf(order: readonly number[], parents: number[][]) {
  const n = parents.length;
  const treeParent = new Int32Array(n).fill(-1);
  const late = new Int32Array(n);
  for (const v of order) {
    const ps = parents[v] ?? [];
    if (ps.length === 1) treeParent[v] = ps[0] ?? -1;
    if (ps.length < 2) continue;
    const top = commonAncestor(treeParent, ps);
    treeParent[v] = top;
    let rank = 0;
    for (const p of ps) {
      const holder = childOfOn(treeParent, p, top);
      if (holder >= 0) rank = Math.max(rank, (late[holder] ?? 0) + 1);
    }
    late[v] = Math.max(1, rank);
  }
  return { treeParent, late };
}

/** Indexes the goals, picks each goal's tree parent and orders them for bottom-up placement. */
export function buildLayoutGraph(input: LayoutInput): LayoutGraph {
  const ids = input.goals.map((g) => g.id);
  const at = new Map(ids.map((id, i) => [id, i]));
  const parents = indexParents(input, at);
  const order = topDown(parents);
  const { treeParent, late } = treeOf(order, parents);
  const children: number[][] = ids.map(() => []);
  const roots: number[] = [];
  ids.forEach((_, v) => {
    const p = treeParent[v] ?? -1;
    if (p < 0) roots.push(v);
    else children[p]?.push(v);
  });
  return {
    ids,
    width: Float64Array.from(input.goals, (g) => g.width),
    height: Float64Array.from(input.goals, (g) => g.height),
    parents,
    treeParent,
    children,
    roots,
    late,
    deepestFirst: [...order].reverse(),
  };
}
