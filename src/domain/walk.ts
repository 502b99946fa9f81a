import type { CommonGoalAnswer } from './engine';
import type { GoalId, StakeholderId } from './ids';

/** Where each party stands after walking up `step` levels towards the nearest common goal. */
export interface WalkFrame {
  readonly step: number;
  /** Steps until every party has reached the goal: the longest single climb. */
  readonly totalSteps: number;
  /** True once every party stands on the common goal: the moment it is revealed. */
  readonly met: boolean;
  readonly parties: readonly {
    readonly stakeholderId: StakeholderId;
    /** The part of the party's path walked so far, from its incentive goal upwards. */
    readonly walked: readonly GoalId[];
    /** The goal the party stands on now. */
    readonly at: GoalId;
    readonly arrived: boolean;
  }[];
}

/**
 * The workshop walk: every party moves up one level per step, all at once, along its shortest
 * path to the nearest common goal. A party that arrives early waits there. Steps outside
 * 0..totalSteps are clamped, so arrow keys can never walk off either end.
 */
export function walkFrame(answer: CommonGoalAnswer, requestedStep: number): WalkFrame {
  const totalSteps = answer.maxClimb;
  const step = Math.max(0, Math.min(totalSteps, Math.trunc(requestedStep)));
  const parties = answer.climbs.map((c) => {
    const walked = c.path.slice(0, Math.min(step, c.climb) + 1);
    return {
      stakeholderId: c.stakeholderId,
      walked,
      at: walked[walked.length - 1] ?? answer.goalId,
      arrived: step >= c.climb,
    };
  });
  return { step, totalSteps, met: step >= totalSteps, parties };
}
