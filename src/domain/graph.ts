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
  const reachedFrom = new Map<GoalId, GoalId | null>([[from, null]]);
  const queue: GoalId[] = [from];
  for (let head = 0; head < queue.length; head++) {
    const goal = queue[head];
    if (goal === undefined) break;
    if (goal === to) return pathBack(reachedFrom, goal);
    for (const parent of parents.get(goal) ?? NONE) {
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

export interface ClosingLinks {
  /**
   * Indices of links that each close a cycle, in the order a depth-first walk up from the goals
   * (in array order) meets them. Without these links the rest are acyclic.
   */
  readonly linkIndices: readonly number[];
  /** The cycle the link at `linkIndex` closes: its `from` goal first and again last. */
  cycleOf(linkIndex: number): GoalId[];
}

/** Links whose ends are not both among `goals` are ignored: they cannot be part of a cycle of goals. */
export function findClosingLinks(goals: readonly Goal[], links: readonly Link[]): ClosingLinks {
  const linksFrom = new Map<GoalId, number[]>(goals.map((g) => [g.id, []]));
  links.forEach((link, i) => {
    if (linksFrom.has(link.to)) linksFrom.get(link.from)?.push(i);
  });
  // A goal's DFS parent: the goal whose link led the walk to it. On-stack goals chain through it.
  const reachedFrom = new Map<GoalId, GoalId>();
  const done = new Set<GoalId>();
  const linkIndices: number[] = [];
  for (const { id: start } of goals) {
    if (done.has(start)) continue;
    walkFrom(start, { links, linksFrom, reachedFrom, done, linkIndices });
  }
  const cycleOf = (linkIndex: number): GoalId[] => {
    const link = links[linkIndex];
    if (link === undefined) return [];
    const back: GoalId[] = [];
    for (let g: GoalId | undefined = link.from; g !== undefined; g = reachedFrom.get(g)) {
      back.push(g);
      if (g === link.to) break;
    }
    return [link.from, ...back.reverse()];
  };
  return { linkIndices, cycleOf };
}

interface WalkState {
  readonly links: readonly Link[];
  readonly linksFrom: ReadonlyMap<GoalId, readonly number[]>;
  readonly reachedFrom: Map<GoalId, GoalId>;
  readonly done: Set<GoalId>;
  readonly linkIndices: number[];
}

/** Iterative depth-first walk up from `start`; a link to a goal still on the stack closes a cycle. */
function walkFrom(start: GoalId, state: WalkState): void {
  const onStack = new Set<GoalId>([start]);
  const goalStack: GoalId[] = [start];
  const nextLink: number[] = [0];
  while (goalStack.length > 0) {
    const top = goalStack.length - 1;
    const goal = goalStack[top];
    const next = nextLink[top];
    if (goal === undefined || next === undefined) break;
    const linkIndex = state.linksFrom.get(goal)?.[next];
    if (linkIndex === undefined) {
      goalStack.pop();
      nextLink.pop();
      onStack.delete(goal);
      state.done.add(goal);
      continue;
    }
    nextLink[top] = next + 1;
    const parent = state.links[linkIndex]?.to;
    if (parent === undefined || state.done.has(parent)) continue;
    if (onStack.has(parent)) {
      state.linkIndices.push(linkIndex);
    } else {
      state.reachedFrom.set(parent, goal);
      onStack.add(parent);
      goalStack.push(parent);
      nextLink.push(0);
    }
  }
}

/** One cycle among the links (first goal repeated at the end), or null when they form a DAG. */
export function findCycle(goals: readonly Goal[], links: readonly Link[]): GoalId[] | null {
  const closing = findClosingLinks(goals, links);
  const first = closing.linkIndices[0];
  return first === undefined ? null : closing.cycleOf(first);
}
