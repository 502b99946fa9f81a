import type { LayoutInput } from '../domain/layoutTypes';

/** What a node may be stacked with under its tree parent (see LayoutGraph.stackGroup). */
export const STACK_NONE = 0;
export const STACK_GOAL_LEAF = 1;
export const STACK_PERSON = 2;

/**
 * The map as the layout sees it: goals and the people who hold a goal, by index (goals first, in
 * document order), each with a level and ONE tree parent. The tree is what is drawn parent over
 * children; every other link and incentive is a cross edge that only steers the order.
 */
export interface LayoutGraph {
  readonly ids: readonly string[];
  readonly width: Float64Array;
  readonly height: Float64Array;
  /** Level: the longest path down from a top goal; a person is one below their deepest goal. */
  readonly depth: Int32Array;
  /** A parent exactly one level up (-1 for a top goal), so the tree's levels are the map's. */
  readonly treeParent: Int32Array;
  /** Tree children in drawing order; the order sweeps sort these. */
  readonly children: number[][];
  /** Tree tops (mission first unless the order sweeps move it), in drawing order. */
  readonly roots: number[];
  /**
   * Which compact block a node may join under its tree parent: goals nothing contributes to and
   * nobody holds (nothing is drawn below them, so stacking them cannot put a child above its
   * parent), and people (nothing is ever below them). Never mixed in one block.
   */
  readonly stackGroup: Uint8Array;
  /** Every node, deepest level first: children always come before their parent. */
  readonly deepestFirst: readonly number[];
  /** Links and incentives that are not tree edges, as pairs [a0, b0, a1, b1, …]. */
  readonly crossEdges: Int32Array;
}

interface Index {
  readonly ids: string[];
  readonly at: Map<string, number>;
  /** Upward neighbours: a goal's parents, a person's held goals (no duplicates). */
  readonly up: number[][];
  /** How many goals contribute to a goal or people hold it. */
  readonly below: Int32Array;
  readonly goalCount: number;
}

function buildIndex(input: LayoutInput, heldPeople: readonly string[]): Index {
  const ids = [...input.goals.map((g) => g.id), ...heldPeople];
  const at = new Map(ids.map((id, i) => [id, i]));
  const up: number[][] = ids.map(() => []);
  const below = new Int32Array(ids.length);
  const seen = new Set<string>();
  const addUp = (from: string, to: string) => {
    const [a, b] = [at.get(from), at.get(to)];
    const key = `${from}\u0000${to}`;
    if (a === undefined || b === undefined || a === b || seen.has(key)) return;
    seen.add(key);
    up[a]?.push(b);
    below[b] = (below[b] ?? 0) + 1;
  };
  for (const l of input.links) addUp(l.from, l.to);
  for (const i of input.incentives) addUp(i.stakeholderId, i.goalId);
  return { ids, at, up, below, goalCount: input.goals.length };
}

/**
 * Levels of goals by longest path from a top goal (Kahn's order, linear time). Goals on a cycle —
 * which the document invariants refuse — and everything below them become tops, so a broken map
 * still gets a layout.
 */
function goalDepths(index: Index): { depth: Int32Array; reached: Uint8Array } {
  const n = index.goalCount;
  const depth = new Int32Array(index.ids.length);
  const reached = new Uint8Array(index.ids.length);
  const down: number[][] = Array.from({ length: n }, () => []);
  const waiting = new Int32Array(n);
  for (let v = 0; v < n; v++) {
    for (const p of index.up[v] ?? []) down[p]?.push(v);
    waiting[v] = index.up[v]?.length ?? 0;
  }
  const queue: number[] = [];
  for (let v = 0; v < n; v++) if (waiting[v] === 0) queue.push(v);
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head] ?? 0;
    reached[v] = 1;
    for (const c of down[v] ?? []) {
      depth[c] = Math.max(depth[c] ?? 0, (depth[v] ?? 0) + 1);
      waiting[c] = (waiting[c] ?? 0) - 1;
      if (waiting[c] === 0) queue.push(c);
    }
  }
  for (let v = 0; v < n; v++) if (!reached[v]) depth[v] = 0;
  return { depth, reached };
}

/** Each node's tree parent: its first upward neighbour one level up (people: their deepest goal). */
function treeParents(index: Index, depth: Int32Array, reached: Uint8Array): Int32Array {
  const parent = new Int32Array(index.ids.length).fill(-1);
  for (let v = 0; v < index.ids.length; v++) {
    const ups = index.up[v] ?? [];
    if (v >= index.goalCount) {
      let deepest = -1;
      for (const g of ups) if (deepest < 0 || (depth[g] ?? 0) > (depth[deepest] ?? 0)) deepest = g;
      parent[v] = deepest;
      depth[v] = deepest < 0 ? 0 : (depth[deepest] ?? 0) + 1;
    } else if (reached[v]) {
      parent[v] = ups.find((p) => depth[p] === (depth[v] ?? 0) - 1) ?? -1;
    }
  }
  return parent;
}

function crossEdgesOf(index: Index, parent: Int32Array): Int32Array {
  const pairs: number[] = [];
  index.up.forEach((ups, v) => {
    for (const u of ups) if (u !== parent[v]) pairs.push(v, u);
  });
  return Int32Array.from(pairs);
}

/** Indexes the goals and the people who hold goals (people who hold none are placed apart). */
export function buildLayoutGraph(input: LayoutInput, heldPeople: readonly string[]): LayoutGraph {
  const index = buildIndex(input, heldPeople);
  const boxes = [...input.goals, ...input.stakeholders];
  const size = new Map(boxes.map((b) => [b.id, b]));
  const n = index.ids.length;
  const { depth, reached } = goalDepths(index);
  const treeParent = treeParents(index, depth, reached);
  const children: number[][] = Array.from({ length: n }, () => []);
  const roots: number[] = [];
  for (let v = 0; v < n; v++) {
    const p = treeParent[v] ?? -1;
    if (p < 0) roots.push(v);
    else children[p]?.push(v);
  }
  const deepestFirst = Array.from(index.ids.keys()).sort(
    (a, b) => (depth[b] ?? 0) - (depth[a] ?? 0),
  );
  const stackGroup = new Uint8Array(n);
  for (let v = 0; v < n; v++) {
    if ((treeParent[v] ?? -1) < 0) continue;
    if (v >= index.goalCount) stackGroup[v] = STACK_PERSON;
    else if (index.below[v] === 0) stackGroup[v] = STACK_GOAL_LEAF;
  }
  return {
    ids: index.ids,
    width: Float64Array.from(index.ids, (id) => size.get(id)?.width ?? 0),
    height: Float64Array.from(index.ids, (id) => size.get(id)?.height ?? 0),
    depth,
    treeParent,
    children,
    roots,
    stackGroup,
    deepestFirst,
    crossEdges: crossEdgesOf(index, treeParent),
  };
}
