import type { GoalId, StakeholderId } from '../ids';
import { goalIdAt } from './commonGround';
import { rankLowestCommonGoals, type RankedGoal } from './lowest';
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

/** up(P) of one stakeholder, kept compact: goals[k] is reached after dist[k] links. */
interface UpSet {
  readonly goals: Int32Array;
  readonly dist: Int32Array;
}

/**
 * Total climb to the nearest common goal for every pair of stakeholders (default: all, in map
 * order). Each stakeholder is walked up once; a pair then costs one pass over one up-set.
 * Stakeholders not in the map, or without incentives, get Infinity in every cell.
 */
export function buildAlignmentMatrix(
  index: GoalIndex,
  stakeholders: readonly StakeholderId[] = index.stakeholderIds,
): AlignmentMatrix {
  const scratch = scratchFor(index);
  const row = climbSlot(index, scratch, 0);
  const upSets = stakeholders.map((id) => upSetOf(index, id, row));
  const size = stakeholders.length;
  const climbs = Array.from({ length: size }, () => new Array<number>(size).fill(Infinity));
  const nearest = Array.from({ length: size }, () => new Array<GoalId | null>(size).fill(null));
  upSets.forEach((a, i) => {
    if (!a) return;
    loadIntoRow(a, row);
    for (let j = i; j < size; j++) {
      const b = upSets[j];
      const best = b ? nearestOfPair(index, scratch, row, b) : undefined;
      if (!best) continue;
      const goal = goalIdAt(index, best.goal);
      setSymmetric(climbs, i, j, best.total);
      setSymmetric(nearest, i, j, goal);
    }
  });
  return { stakeholders: [...stakeholders], climbs, nearest };
}

/**
 * The nearest common goal of each pair (stakeholder positions in `index.stakeholderIds`), null where
 * they share none. The matrix's method for a sparse set of pairs: each stakeholder is walked up
 * once, and the pairs sharing a first member share one loaded row.
 */
export function nearestGoalsOfPairs(
  index: GoalIndex,
  pairs: readonly (readonly [number, number])[],
): (GoalId | null)[] {
  const scratch = scratchFor(index);
  const row = climbSlot(index, scratch, 0);
  const upSets = new Map<number, UpSet | null>();
  const upSetAt = (s: number): UpSet | null => {
    const id = index.stakeholderIds[s];
    return id === undefined ? null : upSetOf(index, id, row);
  };
  for (const [i, j] of pairs) {
    if (!upSets.has(i)) upSets.set(i, upSetAt(i));
    if (!upSets.has(j)) upSets.set(j, upSetAt(j));
  }
  const order = pairs.map((_, k) => k).sort((k, l) => (pairs[k]?.[0] ?? 0) - (pairs[l]?.[0] ?? 0));
  const nearest = new Array<GoalId | null>(pairs.length).fill(null);
  let loaded = -1;
  for (const k of order) {
    const [i, j] = pairs[k] ?? [-1, -1];
    const a = upSets.get(i);
    const b = upSets.get(j);
    if (!a || !b) continue;
    if (loaded !== i) loadIntoRow(a, row);
    loaded = i;
    const best = nearestOfPair(index, scratch, row, b);
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

function upSetOf(index: GoalIndex, id: StakeholderId, climb: Climb): UpSet | null {
  const s = index.stakeholderIndexById.get(id);
  if (s === undefined || incentiveCount(index, s) === 0) return null;
  climbUp(index, s, climb);
  const goals = climb.order.slice(0, climb.count);
  const dist = goals.map((g) => climb.dist[g] ?? 0);
  return { goals, dist };
}

/** Spreads a compact up-set into the dense, epoch-stamped row buffers for O(1) membership. */
function loadIntoRow(up: UpSet, row: Climb): void {
  const epoch = nextEpoch(row.marks);
  const { stamp } = row.marks;
  for (let k = 0; k < up.goals.length; k++) {
    const g = up.goals[k] ?? 0;
    stamp[g] = epoch;
    row.dist[g] = up.dist[k] ?? 0;
  }
}

function nearestOfPair(
  index: GoalIndex,
  scratch: Scratch,
  row: Climb,
  b: UpSet,
): RankedGoal | undefined {
  const { common, commonTotal, commonMax } = scratch;
  const { stamp, epoch } = row.marks;
  let count = 0;
  for (let k = 0; k < b.goals.length; k++) {
    const g = b.goals[k] ?? 0;
    if (stamp[g] !== epoch) continue;
    const da = row.dist[g] ?? 0;
    const db = b.dist[k] ?? 0;
    common[count] = g;
    commonTotal[count] = da + db;
    commonMax[count] = da > db ? da : db;
    count++;
  }
  return count === 0 ? undefined : rankLowestCommonGoals(index, scratch, count)[0];
}

function setSymmetric<T>(cells: T[][], i: number, j: number, value: T): void {
  const rowI = cells[i];
  const rowJ = cells[j];
  if (rowI) rowI[j] = value;
  if (rowJ) rowJ[i] = value;
}
