import type { GoalId, StakeholderId } from '../ids';
import { goalIdAt } from './commonGround';
import { compareGoalTitles } from './goalIndex';
import type { RankedGoal } from './lowest';
import {
  climbSlot,
  climbUp,
  incentiveCount,
  nextEpoch,
  scratchFor,
  type Climb,
  type Scratch,
} from './scratch';
import type { AlignmentMatrix, AlignmentMatrixJson, GoalIndex } from './types';

/** The buffers one matrix works in: the row party's up-set, the column's walk, an ancestor walk. */
interface MatrixScratch {
  readonly scratch: Scratch;
  readonly row: Climb;
  readonly column: Climb;
  readonly above: Climb;
  /** Topological rank: every goal ranks below each of its parents. */
  readonly rank: Int32Array;
}

function matrixScratch(index: GoalIndex): MatrixScratch {
  const scratch = scratchFor(index);
  return {
    scratch,
    row: climbSlot(index, scratch, 0),
    column: climbSlot(index, scratch, 1),
    above: climbSlot(index, scratch, 2),
    rank: topologicalRank(index),
  };
}

/**
 * Total climb to the nearest common goal for every pair of stakeholders (default: all, in map
 * order). Stakeholders not in the map, or without incentives, get Infinity in every cell.
 *
 * Each pair is answered from the side of the party with the larger up-set, loaded once per row,
 * by a walk up from the other party that stops at the first goals both reach: those are the only
 * candidates for lowest common goal, so the walk never climbs the shared part of the tree (300
 * people on the leaf of a 50,000-goal chain cost a step per pair, not the chain).
 */
export function buildAlignmentMatrix(
  index: GoalIndex,
  stakeholders: readonly StakeholderId[] = index.stakeholderIds,
): AlignmentMatrix {
  const work = matrixScratch(index);
  const parties = stakeholders.map((id) => {
    const s = index.stakeholderIndexById.get(id);
    return s === undefined || incentiveCount(index, s) === 0 ? -1 : s;
  });
  const upSizes = parties.map((s) => {
    if (s === -1) return 0;
    climbUp(index, s, work.row);
    return work.row.count;
  });
  const size = stakeholders.length;
  const climbs = Array.from({ length: size }, () => new Array<number>(size).fill(Infinity));
  const nearest = Array.from({ length: size }, () => new Array<GoalId | null>(size).fill(null));
  parties.forEach((a, i) => {
    if (a === -1) return;
    climbUp(index, a, work.row);
    const rowSize = upSizes[i] ?? 0;
    parties.forEach((b, j) => {
      const columnSize = upSizes[j] ?? 0;
      // Each pair once, from the row of its larger up-set (ties: the earlier row).
      if (b === -1 || columnSize > rowSize || (columnSize === rowSize && j < i)) return;
      const best = nearestOfPair(index, work, b);
      if (!best) return;
      setSymmetric(climbs, i, j, best.total);
      setSymmetric(nearest, i, j, goalIdAt(index, best.goal));
    });
  });
  return { stakeholders: [...stakeholders], climbs, nearest };
}

/**
 * The nearest common goal of each pair (stakeholder positions in `index.stakeholderIds`), null where
 * they share none: the matrix's walk for a sparse set of pairs, each first member's up-set loaded
 * once for all of its pairs.
 */
export function nearestGoalsOfPairs(
  index: GoalIndex,
  pairs: readonly (readonly [number, number])[],
): (GoalId | null)[] {
  const work = matrixScratch(index);
  const first = (k: number): number => pairs[k]?.[0] ?? -1;
  const order = pairs.map((_, k) => k).sort((k, l) => first(k) - first(l));
  const nearest = new Array<GoalId | null>(pairs.length).fill(null);
  let loaded = -1;
  for (const k of order) {
    const [a, b] = pairs[k] ?? [-1, -1];
    if (incentiveCount(index, a) === 0 || incentiveCount(index, b) === 0) continue;
    if (loaded !== a) climbUp(index, a, work.row);
    loaded = a;
    const best = nearestOfPair(index, work, b);
    if (best) nearest[k] = goalIdAt(index, best.goal);
  }
  return nearest;
}

/** JSON has no Infinity: "no common goal" becomes null. */
export function toAlignmentMatrixJson(matrix: AlignmentMatrix): AlignmentMatrixJson {
  return {
    stakeholders: matrix.stakeholders,
    climbs: matrix.climbs.map((r) => r.map((c) => (Number.isFinite(c) ? c : null))),
    nearest: matrix.nearest,
  };
}

/**
 * The nearest common goal of the row party (work.row) and stakeholder b. Walks up from b's goals
 * and stops at every goal the row party reaches. A lowest common goal has no common goal below
 * it on any path, so each one is met by this walk at its true distance; the other goals met are
 * ancestors of one of them and are dropped by `dropAncestors`.
 */
function nearestOfPair(index: GoalIndex, work: MatrixScratch, b: number): RankedGoal | undefined {
  const { parentStart, parents, incentiveStart, incentiveGoals } = index;
  const { row, column, scratch } = work;
  const { common, commonTotal, commonMax } = scratch;
  const { stamp } = column.marks;
  const epoch = nextEpoch(column.marks);
  let tail = 0;
  const end = incentiveStart[b + 1] ?? 0;
  for (let k = incentiveStart[b] ?? 0; k < end; k++) {
    const g = incentiveGoals[k] ?? 0;
    stamp[g] = epoch;
    column.dist[g] = 0;
    column.order[tail++] = g;
  }
  let count = 0;
  for (let head = 0; head < tail; head++) {
    const g = column.order[head] ?? 0;
    const db = column.dist[g] ?? 0;
    if (row.marks.stamp[g] === row.marks.epoch) {
      const da = row.dist[g] ?? 0;
      common[count] = g;
      commonTotal[count] = da + db;
      commonMax[count] = da > db ? da : db;
      count++;
      continue;
    }
    const stop = parentStart[g + 1] ?? 0;
    for (let k = parentStart[g] ?? 0; k < stop; k++) {
      const p = parents[k] ?? 0;
      if (stamp[p] === epoch) continue;
      stamp[p] = epoch;
      column.dist[p] = db + 1;
      column.order[tail++] = p;
    }
  }
  if (count > 1) dropAncestors(index, work, count);
  return best(index, scratch, count);
}

/**
 * Marks every proper ancestor of the candidates in work.above. A goal ranks below its parents, so
 * the walk stops above the highest-ranked candidate: nothing there can be one.
 */
function dropAncestors(index: GoalIndex, work: MatrixScratch, count: number): void {
  const { parentStart, parents } = index;
  const { above, rank, scratch } = work;
  const { stamp } = above.marks;
  const epoch = nextEpoch(above.marks);
  let ceiling = 0;
  for (let i = 0; i < count; i++) ceiling = Math.max(ceiling, rank[scratch.common[i] ?? 0] ?? 0);
  let tail = 0;
  const visitParents = (g: number) => {
    const stop = parentStart[g + 1] ?? 0;
    for (let k = parentStart[g] ?? 0; k < stop; k++) {
      const p = parents[k] ?? 0;
      if (stamp[p] === epoch || (rank[p] ?? 0) > ceiling) continue;
      stamp[p] = epoch;
      above.order[tail++] = p;
    }
  };
  for (let i = 0; i < count; i++) visitParents(scratch.common[i] ?? 0);
  for (let head = 0; head < tail; head++) visitParents(above.order[head] ?? 0);
  // Candidates that turned out to be ancestors of another are no longer lowest.
  for (let i = 0; i < count; i++) {
    if (stamp[scratch.common[i] ?? 0] === epoch) scratch.commonTotal[i] = -1;
  }
}

/** The first of the lowest common goals by total climb, largest single climb, title, id. */
function best(index: GoalIndex, scratch: Scratch, count: number): RankedGoal | undefined {
  let chosen: RankedGoal | undefined;
  for (let i = 0; i < count; i++) {
    const total = scratch.commonTotal[i] ?? -1;
    if (total < 0) continue;
    const candidate = { goal: scratch.common[i] ?? 0, total, max: scratch.commonMax[i] ?? 0 };
    if (chosen === undefined || compareRanked(index, candidate, chosen) < 0) chosen = candidate;
  }
  return chosen;
}

function compareRanked(index: GoalIndex, a: RankedGoal, b: RankedGoal): number {
  return a.total - b.total || a.max - b.max || compareGoalTitles(index, a.goal, b.goal);
}

/**
 * Kahn's order from the leaves up: a goal is ranked once all its children are. Goals on a cycle
 * (never in a valid map) are ranked last, which only makes the ancestor walk go further.
 */
function topologicalRank(index: GoalIndex): Int32Array {
  const { parentStart, parents } = index;
  const n = index.goalIds.length;
  const children = new Int32Array(n);
  for (const p of parents) children[p] = (children[p] ?? 0) + 1;
  const rank = new Int32Array(n).fill(n);
  const queue = new Int32Array(n);
  let tail = 0;
  for (let g = 0; g < n; g++) if (children[g] === 0) queue[tail++] = g;
  for (let head = 0; head < tail; head++) {
    const g = queue[head] ?? 0;
    rank[g] = head;
    const stop = parentStart[g + 1] ?? 0;
    for (let k = parentStart[g] ?? 0; k < stop; k++) {
      const p = parents[k] ?? 0;
      children[p] = (children[p] ?? 0) - 1;
      if (children[p] === 0) queue[tail++] = p;
    }
  }
  return rank;
}

function setSymmetric<T>(cells: T[][], i: number, j: number, value: T): void {
  const rowI = cells[i];
  const rowJ = cells[j];
  if (rowI) rowI[j] = value;
  if (rowJ) rowJ[i] = value;
}
