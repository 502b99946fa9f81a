import type { GoalId } from './ids';
import type { Goal, Link, MapDocument } from './model';

/**
 * Graph helpers over a map's links. A link goes from a child up to the parent it contributes to.
 * Everything here is iterative: maps can hold 100k goals in deep chains, which would overflow the
 * call stack of a recursive walk.
 */

export interface LinkIndex {
  /** Goal → the goals it contributes to (one level up), in link order. */
  readonly parents: ReadonlyMap<GoalId, readonly GoalId[]>;
  /** Goal → the goals that contribute to it (one level down), in link order. */
  readonly children: ReadonlyMap<GoalId, readonly GoalId[]>;
}

const NONE: readonly GoalId[] = Object.freeze([]);

/** Documents are immutable, so an index built for one links array stays valid while it lives. */
const indexCache = new WeakMap<readonly Link[], LinkIndex>();

export function getLinkIndex(links: readonly Link[]): LinkIndex {
  const cached = indexCache.get(links);
  if (cached) return cached;
  const parents = new Map<GoalId, GoalId[]>();
  const children = new Map<GoalId, GoalId[]>();
  for (const link of links) {
    pushTo(parents, link.from, link.to);
    pushTo(children, link.to, link.from);
  }
  const index: LinkIndex = { parents, children };
  indexCache.set(links, index);
  return index;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function getParents(doc: MapDocument, goalId: GoalId): readonly GoalId[] {
  return getLinkIndex(doc.links).parents.get(goalId) ?? NONE;
}

export function getChildren(doc: MapDocument, goalId: GoalId): readonly GoalId[] {
  return getLinkIndex(doc.links).children.get(goalId) ?? NONE;
}

/**
 * A shortest path walking up links from `from` to `to` (both included), or null if `to` is not
 * above `from`. Linking child → parent creates a cycle exactly when such a path runs from the
 * parent up to the child.
 */
export function findUpPath(doc: MapDocument, from: GoalId, to: GoalId): GoalId[] | null {
  const { parents } = getLinkIndex(doc.links);
  return shortestUpPath(from, to, (goal) => parents.get(goal) ?? NONE);
}

/** Counts goals visited, so a search over a pathological map can stop with a partial answer. */
interface Budget {
  left: number;
}

function shortestUpPath(
  from: GoalId,
  to: GoalId,
  parentsOf: (goal: GoalId) => readonly GoalId[],
  budget: Budget = { left: Infinity },
): GoalId[] | null {
  const reachedFrom = new Map<GoalId, GoalId | null>([[from, null]]);
  const queue: GoalId[] = [from];
  for (let head = 0; head < queue.length; head++) {
    const goal = queue[head];
    if (goal === undefined) break;
    budget.left--;
    if (goal === to) return pathBack(reachedFrom, goal);
    for (const parent of parentsOf(goal)) {
      if (reachedFrom.has(parent)) continue;
      reachedFrom.set(parent, goal);
      queue.push(parent);
    }
  }
  return null;
}

function pathBack(reachedFrom: ReadonlyMap<GoalId, GoalId | null>, end: GoalId): GoalId[] {
  const path: GoalId[] = [];
  for (let g: GoalId | null | undefined = end; g != null; g = reachedFrom.get(g)) path.push(g);
  return path.reverse();
}

export interface ClosingLink {
  readonly linkIndex: number;
  /** The cycle this link closes: its `from` goal first and again last. */
  readonly cycle: readonly GoalId[];
}

export interface ClosingLinks {
  /**
   * Adding the links one by one in array order and keeping only those that close no cycle, these
   * are the links that would each have closed one. Without them the links are acyclic.
   */
  readonly closing: readonly ClosingLink[];
  /** Links on cycles left unsorted because the search ran out of work budget, in array order. */
  readonly unchecked: readonly number[];
  /** A cycle through any link on a cycle (closing or unchecked): its `from` goal first and last. */
  readonly cycleThrough: (linkIndex: number) => GoalId[];
}

/** Visits a quarter-second or so of work can afford; real maps need a tiny fraction of it. */
const DEFAULT_WORK_BUDGET = 2_000_000;

/**
 * Only links inside one strongly connected component can close a cycle, so the one-by-one search
 * runs just on those; it is quadratic only for huge tangled components, which the budget caps.
 * Links whose ends are not both among `goals` are ignored.
 */
export function findClosingLinks(
  goals: readonly Goal[],
  links: readonly Link[],
  workBudget = DEFAULT_WORK_BUDGET,
): ClosingLinks {
  const onCycles = findLinksOnCycles(goals, links);
  const kept = new Map<GoalId, GoalId[]>();
  const budget: Budget = { left: workBudget };
  const closing: ClosingLink[] = [];
  const { linkIndices, cycleThrough } = onCycles;
  for (const [k, linkIndex] of linkIndices.entries()) {
    if (budget.left <= 0) return { closing, unchecked: linkIndices.slice(k), cycleThrough };
    const link = links[linkIndex];
    if (link === undefined) continue;
    const path = shortestUpPath(link.to, link.from, (goal) => kept.get(goal) ?? NONE, budget);
    if (path) closing.push({ linkIndex, cycle: [link.from, ...path] });
    else pushTo(kept, link.from, link.to);
  }
  return { closing, unchecked: [], cycleThrough };
}

/** One cycle among the links (first goal repeated at the end), or null when they form a DAG. */
export function findCycle(goals: readonly Goal[], links: readonly Link[]): GoalId[] | null {
  const onCycles = findLinksOnCycles(goals, links);
  const first = onCycles.linkIndices[0];
  return first === undefined ? null : onCycles.cycleThrough(first);
}

interface LinksOnCycles {
  /** Links whose two ends lie in one strongly connected component, in array order. */
  readonly linkIndices: readonly number[];
  readonly cycleThrough: (linkIndex: number) => GoalId[];
}

function findLinksOnCycles(goals: readonly Goal[], links: readonly Link[]): LinksOnCycles {
  const graph = numberGoals(goals, links);
  const component = findComponents(graph);
  const onCycle = (linkIndex: number): boolean => {
    const from = at(graph.linkFrom, linkIndex);
    return from >= 0 && at(component, from) === at(component, at(graph.linkTo, linkIndex));
  };
  const linkIndices: number[] = [];
  for (let i = 0; i < links.length; i++) if (onCycle(i)) linkIndices.push(i);
  // Both ends share a component, so a path back from `to` to `from` inside it always exists.
  const cycleThrough = (linkIndex: number): GoalId[] => {
    const link = links[linkIndex];
    if (link === undefined || !onCycle(linkIndex)) return [];
    const home = at(component, at(graph.linkFrom, linkIndex));
    const parentsOf = (goal: GoalId): GoalId[] => {
      const parents: GoalId[] = [];
      forEachParent(graph, graph.numberOf.get(goal) ?? -1, (parent) => {
        if (at(component, parent) === home) parents.push(graph.ids[parent] ?? goal);
      });
      return parents;
    };
    return [link.from, ...(shortestUpPath(link.to, link.from, parentsOf) ?? [])];
  };
  return { linkIndices, cycleThrough };
}

/**
 * The links among `goals` with goals numbered by array position, in flat typed arrays: walking
 * 100k goals through Maps and small arrays is several times slower.
 */
interface NumberedGraph {
  readonly ids: readonly GoalId[];
  readonly numberOf: ReadonlyMap<GoalId, number>;
  /** Per link, the number of its child and parent goal; -1 for both when either is unknown. */
  readonly linkFrom: Int32Array;
  readonly linkTo: Int32Array;
  /** Links going up from goal v are upLinks[firstUp[v]] … upLinks[firstUp[v + 1] - 1]. */
  readonly firstUp: Int32Array;
  readonly upLinks: Int32Array;
}

/** Reads a typed array slot that the surrounding code knows exists. */
const at = (array: Int32Array, index: number): number => array[index] ?? -1;

function numberGoals(goals: readonly Goal[], links: readonly Link[]): NumberedGraph {
  const numberOf = new Map<GoalId, number>();
  const ids: GoalId[] = [];
  for (const { id } of goals) {
    if (!numberOf.has(id)) numberOf.set(id, ids.push(id) - 1);
  }
  const linkFrom = new Int32Array(links.length);
  const linkTo = new Int32Array(links.length);
  const firstUp = new Int32Array(ids.length + 1);
  links.forEach((link, i) => {
    const from = numberOf.get(link.from) ?? -1;
    const to = numberOf.get(link.to) ?? -1;
    const known = from >= 0 && to >= 0;
    linkFrom[i] = known ? from : -1;
    linkTo[i] = known ? to : -1;
    if (known) firstUp[from + 1] = at(firstUp, from + 1) + 1;
  });
  for (let v = 0; v < ids.length; v++) firstUp[v + 1] = at(firstUp, v + 1) + at(firstUp, v);
  const upLinks = new Int32Array(at(firstUp, ids.length));
  const filled = firstUp.slice(0, ids.length);
  linkFrom.forEach((from, i) => {
    if (from < 0) return;
    upLinks[at(filled, from)] = i;
    filled[from] = at(filled, from) + 1;
  });
  return { ids, numberOf, linkFrom, linkTo, firstUp, upLinks };
}

function forEachParent(graph: NumberedGraph, goal: number, visit: (parent: number) => void): void {
  for (let k = at(graph.firstUp, goal); k < at(graph.firstUp, goal + 1); k++) {
    visit(at(graph.linkTo, at(graph.upLinks, k)));
  }
}

/**
 * Tarjan's strongly connected components with explicit stacks instead of recursion. Returns each
 * goal's component number.
 */
function findComponents(graph: NumberedGraph): Int32Array {
  const n = graph.ids.length;
  const order = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const component = new Int32Array(n).fill(-1);
  const open = new Int32Array(n);
  const walk = new Int32Array(n);
  const nextUp = new Int32Array(n);
  let visited = 0;
  let openSize = 0;
  let components = 0;
  for (let root = 0; root < n; root++) {
    if (at(order, root) >= 0) continue;
    let depth = 0;
    const enter = (goal: number): void => {
      order[goal] = low[goal] = visited++;
      open[openSize++] = goal;
      walk[depth] = goal;
      nextUp[depth++] = at(graph.firstUp, goal);
    };
    enter(root);
    while (depth > 0) {
      const goal = at(walk, depth - 1);
      const k = at(nextUp, depth - 1);
      if (k < at(graph.firstUp, goal + 1)) {
        nextUp[depth - 1] = k + 1;
        const parent = at(graph.linkTo, at(graph.upLinks, k));
        if (at(order, parent) < 0) enter(parent);
        else if (at(component, parent) < 0) low[goal] = Math.min(at(low, goal), at(order, parent));
        continue;
      }
      depth--;
      if (depth > 0) {
        const below = at(walk, depth - 1);
        low[below] = Math.min(at(low, below), at(low, goal));
      }
      if (at(low, goal) !== at(order, goal)) continue;
      // `goal` roots a component: everything opened since it belongs to that component.
      let member = -1;
      while (member !== goal) {
        member = at(open, --openSize);
        component[member] = components;
      }
      components++;
    }
  }
  return component;
}
