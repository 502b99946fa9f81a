import type { GoalId, StakeholderId } from '../ids';
import { compareGoalTitles } from './goalIndex';
import { rankLowestCommonGoals, type RankedGoal } from './lowest';
import {
  climbSlot,
  climbUp,
  incentiveCount,
  scratchFor,
  type Climb,
  type Scratch,
} from './scratch';
import type { CommonGoalAnswer, CommonGround, GoalIndex, PartyTopGoals } from './types';

/**
 * The nearest common goal of any number of parties (README "The nearest common goal"). Repeated
 * parties count once. Reuses the index's scratch buffers, so a query allocates only its answer.
 */
export function findCommonGround(
  index: GoalIndex,
  parties: readonly StakeholderId[],
): CommonGround {
  const distinct = [...new Set(parties)];
  const unknownParties = distinct.filter((p) => !index.stakeholderIndexById.has(p));
  if (unknownParties.length > 0) {
    return { status: 'unknown-party', parties: distinct, unknownParties };
  }
  if (distinct.length < 2) return { status: 'too-few-parties', parties: distinct };
  const stakeholderOf = (p: StakeholderId): number => index.stakeholderIndexById.get(p) ?? -1;
  const partiesWithoutIncentives = distinct.filter(
    (p) => incentiveCount(index, stakeholderOf(p)) === 0,
  );
  if (partiesWithoutIncentives.length > 0) {
    return { status: 'party-without-incentives', parties: distinct, partiesWithoutIncentives };
  }
  const scratch = scratchFor(index);
  const walks = distinct.map((stakeholderId, slot): PartyWalk => {
    const climb = climbSlot(index, scratch, slot);
    climbUp(index, stakeholderOf(stakeholderId), climb);
    return { stakeholderId, climb };
  });
  const commonGoalCount = collectCommonGoals(walks, scratch);
  if (commonGoalCount === 0) {
    return { status: 'no-common-goal', parties: distinct, topGoals: topGoalsOf(index, walks) };
  }
  const answers = rankLowestCommonGoals(index, scratch, commonGoalCount).map((ranked) =>
    toAnswer(index, ranked, walks),
  );
  const status = answers[0]?.totalClimb === 0 ? 'already-shared' : 'found';
  return { status, parties: distinct, answers, commonGoalCount };
}

/** A party together with the scratch slot its upward walk was written to. */
interface PartyWalk {
  readonly stakeholderId: StakeholderId;
  readonly climb: Climb;
}

/** Writes the goals every climb reached into scratch.common; returns how many there are. */
function collectCommonGoals(walks: readonly PartyWalk[], scratch: Scratch): number {
  const climbs = walks.map((w) => w.climb);
  // Walking the smallest up-set and probing the others keeps this O(min |up(P)|).
  const driver = climbs.reduce((a, b) => (b.count < a.count ? b : a));
  const { common, commonTotal, commonMax } = scratch;
  let count = 0;
  for (let i = 0; i < driver.count; i++) {
    const g = driver.order[i] ?? 0;
    let total = 0;
    let max = 0;
    let everyParty = true;
    for (const climb of climbs) {
      if (climb.marks.stamp[g] !== climb.marks.epoch) {
        everyParty = false;
        break;
      }
      const d = climb.dist[g] ?? 0;
      total += d;
      if (d > max) max = d;
    }
    if (!everyParty) continue;
    common[count] = g;
    commonTotal[count] = total;
    commonMax[count] = max;
    count++;
  }
  return count;
}

function toAnswer(
  index: GoalIndex,
  ranked: RankedGoal,
  walks: readonly PartyWalk[],
): CommonGoalAnswer {
  return {
    goalId: goalIdAt(index, ranked.goal),
    totalClimb: ranked.total,
    maxClimb: ranked.max,
    climbs: walks.map(({ stakeholderId, climb }) => ({
      stakeholderId,
      climb: climb.dist[ranked.goal] ?? 0,
      path: pathUpTo(index, climb, ranked.goal),
    })),
  };
}

/** Follows the BFS back-pointers down to an incentive goal, then reads them upwards. */
function pathUpTo(index: GoalIndex, climb: Climb, goal: number): GoalId[] {
  const path: GoalId[] = [];
  for (let g = goal; g !== -1; g = climb.via[g] ?? -1) path.push(goalIdAt(index, g));
  return path.reverse();
}

function topGoalsOf(index: GoalIndex, walks: readonly PartyWalk[]): PartyTopGoals[] {
  const { parentStart } = index;
  return walks.map(({ stakeholderId, climb }) => {
    const tops: number[] = [];
    for (let k = 0; k < climb.count; k++) {
      const g = climb.order[k] ?? 0;
      if (parentStart[g] === parentStart[g + 1]) tops.push(g);
    }
    tops.sort((a, b) => compareGoalTitles(index, a, b));
    return {
      stakeholderId,
      topGoals: tops.map((g) => goalIdAt(index, g)),
    };
  });
}

export function goalIdAt(index: GoalIndex, goal: number): GoalId {
  const id = index.goalIds[goal];
  if (id === undefined) throw new Error(`goal index ${goal} is outside the map`);
  return id;
}
