import type { GoalId, StakeholderId } from '../ids';
import type { Incentive, Link, MapDocument } from '../model';
import type { GoalIndex } from './types';

const indexByDocument = new WeakMap<MapDocument, GoalIndex>();

/**
 * The query index of one document revision, built once and shared by every reader (documents are
 * never changed in place, so the document object itself is the revision).
 */
export function goalIndexOf(doc: MapDocument): GoalIndex {
  const cached = indexByDocument.get(doc);
  if (cached) return cached;
  const index = buildGoalIndex(doc);
  indexByDocument.set(doc, index);
  return index;
}

/**
 * Builds the query index for one document revision (readers use goalIndexOf, which keeps it). The document is assumed to have passed the
 * invariants (acyclic, references resolve); a link or incentive naming a missing goal is skipped
 * rather than trusted, so a query can never read outside the arrays.
 */
export function buildGoalIndex(doc: MapDocument): GoalIndex {
  const goalIds = doc.goals.map((g) => g.id);
  const goalIndexById = new Map<GoalId, number>();
  goalIds.forEach((id, i) => goalIndexById.set(id, i));
  const stakeholderIds = doc.stakeholders.map((s) => s.id);
  const stakeholderIndexById = new Map<StakeholderId, number>();
  stakeholderIds.forEach((id, i) => stakeholderIndexById.set(id, i));
  const { parentStart, parents } = buildParentAdjacency(doc.links, goalIndexById);
  const { incentiveStart, incentiveGoals } = buildIncentiveGoals(
    doc.incentives,
    goalIndexById,
    stakeholderIndexById,
  );
  return {
    goalIds,
    goalIndexById,
    parentStart,
    parents,
    goalTitles: doc.goals.map((g) => g.title),
    stakeholderIds,
    stakeholderIndexById,
    incentiveStart,
    incentiveGoals,
  };
}

/** Code-unit order, not locale order: the same map must rank the same way on every device. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Orders two goals (dense indexes) by title, then id, the last tie-breakers of the ranking.
 * Compared at query time because only a handful of goals ever tie; sorting every title at build
 * time would cost more than all the queries of a revision.
 */
export function compareGoalTitles(index: GoalIndex, a: number, b: number): number {
  return (
    compareText(index.goalTitles[a] ?? '', index.goalTitles[b] ?? '') ||
    compareText(index.goalIds[a] ?? '', index.goalIds[b] ?? '')
  );
}

function buildParentAdjacency(
  links: readonly Link[],
  goalIndexById: ReadonlyMap<GoalId, number>,
): { parentStart: Int32Array; parents: Int32Array } {
  const n = goalIndexById.size;
  const edges: [number, number][] = [];
  for (const link of links) {
    const child = goalIndexById.get(link.from);
    const parent = goalIndexById.get(link.to);
    if (child !== undefined && parent !== undefined) edges.push([child, parent]);
  }
  const parentStart = new Int32Array(n + 1);
  for (const [child] of edges) parentStart[child + 1] = (parentStart[child + 1] ?? 0) + 1;
  for (let g = 0; g < n; g++)
    parentStart[g + 1] = (parentStart[g + 1] ?? 0) + (parentStart[g] ?? 0);
  const fill = parentStart.slice(0, n);
  const parents = new Int32Array(edges.length);
  for (const [child, parent] of edges) {
    const at = fill[child] ?? 0;
    parents[at] = parent;
    fill[child] = at + 1;
  }
  return { parentStart, parents };
}

function buildIncentiveGoals(
  incentives: readonly Incentive[],
  goalIndexById: ReadonlyMap<GoalId, number>,
  stakeholderIndexById: ReadonlyMap<StakeholderId, number>,
): { incentiveStart: Int32Array; incentiveGoals: Int32Array } {
  const buckets: number[][] = Array.from({ length: stakeholderIndexById.size }, () => []);
  for (const incentive of incentives) {
    const s = stakeholderIndexById.get(incentive.stakeholderId);
    const g = goalIndexById.get(incentive.goalId);
    if (s !== undefined && g !== undefined) buckets[s]?.push(g);
  }
  // Several incentives on one goal (measured and rewarded on ARR) are one starting point.
  const seenBy = new Int32Array(goalIndexById.size).fill(-1);
  const incentiveStart = new Int32Array(buckets.length + 1);
  const goals: number[] = [];
  buckets.forEach((bucket, s) => {
    for (const g of bucket) {
      if (seenBy[g] === s) continue;
      seenBy[g] = s;
      goals.push(g);
    }
    incentiveStart[s + 1] = goals.length;
  });
  return { incentiveStart, incentiveGoals: Int32Array.from(goals) };
}
