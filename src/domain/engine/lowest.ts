import { compareGoalTitles } from './goalIndex';
import { nextEpoch, type Scratch } from './scratch';
import type { GoalIndex } from './types';

/** A lowest common goal (dense index) with its ranking keys. */
export interface RankedGoal {
  readonly goal: number;
  readonly total: number;
  readonly max: number;
}

/**
 * Picks the lowest common goals out of scratch.common[0 .. count) and ranks them: total climb,
 * then largest single climb, then title, then id.
 *
 * Up-sets are closed upwards, so every parent of a common goal is common too; a common goal is
 * therefore not lowest exactly when it is the parent of another common goal. Marking parents
 * touches only the common goals' own links, never the children of a busy goal like the mission.
 */
export function rankLowestCommonGoals(
  index: GoalIndex,
  scratch: Scratch,
  count: number,
): RankedGoal[] {
  const { parentStart, parents } = index;
  const { common, commonTotal, commonMax } = scratch;
  const { stamp } = scratch.notLowest;
  const epoch = nextEpoch(scratch.notLowest);
  for (let i = 0; i < count; i++) {
    const g = common[i] ?? 0;
    const stop = parentStart[g + 1] ?? 0;
    for (let k = parentStart[g] ?? 0; k < stop; k++) stamp[parents[k] ?? 0] = epoch;
  }
  const lowest: RankedGoal[] = [];
  for (let i = 0; i < count; i++) {
    const goal = common[i] ?? 0;
    if (stamp[goal] === epoch) continue;
    lowest.push({ goal, total: commonTotal[i] ?? 0, max: commonMax[i] ?? 0 });
  }
  lowest.sort(
    (a, b) => a.total - b.total || a.max - b.max || compareGoalTitles(index, a.goal, b.goal),
  );
  return lowest;
}
