import type { GoalId, StakeholderId } from '../ids';
import { goalIdAt } from './commonGround';
import { climbSlot, climbUp, scratchFor } from './scratch';
import type { GoalIndex } from './types';

/**
 * up(P) with the fewest links walked to each goal, nearest first: the same upward walk the
 * common-ground query runs, read out for one person. Empty for someone the map does not have.
 */
export function climbsOf(index: GoalIndex, stakeholderId: StakeholderId): Map<GoalId, number> {
  const climbs = new Map<GoalId, number>();
  const stakeholder = index.stakeholderIndexById.get(stakeholderId);
  if (stakeholder === undefined) return climbs;
  // Slot 0 of the index's scratch: queries are synchronous, so nothing else is using it now.
  const climb = climbSlot(index, scratchFor(index), 0);
  climbUp(index, stakeholder, climb);
  for (let k = 0; k < climb.count; k++) {
    const goal = climb.order[k] ?? 0;
    climbs.set(goalIdAt(index, goal), climb.dist[goal] ?? 0);
  }
  return climbs;
}
