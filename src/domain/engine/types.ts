import type { GoalId, StakeholderId } from '../ids';

/**
 * Everything a query needs about one document revision, in dense integer form. Built once per
 * revision by buildGoalIndex; plain data (typed arrays, arrays, maps) so it can be posted to a worker.
 */
export interface GoalIndex {
  /** Dense goal index → goal id, in document order. */
  readonly goalIds: readonly GoalId[];
  readonly goalIndexById: ReadonlyMap<GoalId, number>;
  /**
   * Parents of goal g are parents[parentStart[g] .. parentStart[g + 1]) (CSR layout): one flat
   * array keeps the upward walk cache-friendly and allocation-free.
   */
  readonly parentStart: Int32Array;
  readonly parents: Int32Array;
  /** Goal titles by dense index: equal climbs are ranked by title (then id). */
  readonly goalTitles: readonly string[];
  /** Stakeholders in map order. */
  readonly stakeholderIds: readonly StakeholderId[];
  readonly stakeholderIndexById: ReadonlyMap<StakeholderId, number>;
  /**
   * Goals stakeholder s holds an incentive on (deduplicated, document order):
   * incentiveGoals[incentiveStart[s] .. incentiveStart[s + 1]).
   */
  readonly incentiveStart: Int32Array;
  readonly incentiveGoals: Int32Array;
}

/** One party's shortest walk up to an answer. */
export interface PartyClimb {
  readonly stakeholderId: StakeholderId;
  /** Links walked: d_P(goal). */
  readonly climb: number;
  /** path[0] is one of the party's incentive goals, the last entry is the answer; climb + 1 long. */
  readonly path: readonly GoalId[];
}

/** One lowest common goal with the climb each party needs to reach it. */
export interface CommonGoalAnswer {
  readonly goalId: GoalId;
  /** Σ d_P(goal) over the parties: the ranking key. */
  readonly totalClimb: number;
  /** max d_P(goal): breaks ties in totalClimb in favour of the fairer meeting point. */
  readonly maxClimb: number;
  /** In the order the parties were given. */
  readonly climbs: readonly PartyClimb[];
}

/** The goals a party can reach that have no parent: what to offer to link to the mission. */
export interface PartyTopGoals {
  readonly stakeholderId: StakeholderId;
  /** Sorted by title, then id. */
  readonly topGoals: readonly GoalId[];
}

interface CommonGroundBase {
  /** The distinct parties asked about, in the order first given. */
  readonly parties: readonly StakeholderId[];
}

export interface CommonGroundAnswered extends CommonGroundBase {
  /** 'already-shared' when the nearest answer needs no climb at all. */
  readonly status: 'found' | 'already-shared';
  /** Every lowest common goal, ranked; answers[0] is the nearest common goal. */
  readonly answers: readonly CommonGoalAnswer[];
  /** How many goals every party reaches (lowest or not), for explanations. */
  readonly commonGoalCount: number;
}

export interface CommonGroundNone extends CommonGroundBase {
  readonly status: 'no-common-goal';
  /** One entry per party, in party order. */
  readonly topGoals: readonly PartyTopGoals[];
}

export interface CommonGroundMissingIncentives extends CommonGroundBase {
  readonly status: 'party-without-incentives';
  readonly partiesWithoutIncentives: readonly StakeholderId[];
}

export interface CommonGroundTooFew extends CommonGroundBase {
  readonly status: 'too-few-parties';
}

export interface CommonGroundUnknownParty extends CommonGroundBase {
  readonly status: 'unknown-party';
  readonly unknownParties: readonly StakeholderId[];
}

/** The answer to "what goal do these parties already share?" (README "The nearest common goal"). */
export type CommonGround =
  | CommonGroundAnswered
  | CommonGroundNone
  | CommonGroundMissingIncentives
  | CommonGroundTooFew
  | CommonGroundUnknownParty;

export type CommonGroundStatus = CommonGround['status'];

/**
 * Every pair of stakeholders: climbs[i][j] is the total climb to the pair's nearest common goal
 * (0 = they share a goal, Infinity = no common goal or a party without incentives); nearest[i][j]
 * is that goal. The diagonal applies the same definition to one party alone (0 when it has
 * incentives).
 */
export interface AlignmentMatrix {
  readonly stakeholders: readonly StakeholderId[];
  readonly climbs: readonly (readonly number[])[];
  readonly nearest: readonly (readonly (GoalId | null)[])[];
}

/** AlignmentMatrix with Infinity written as null, because JSON has no Infinity. */
export interface AlignmentMatrixJson {
  readonly stakeholders: readonly StakeholderId[];
  readonly climbs: readonly (readonly (number | null)[])[];
  readonly nearest: readonly (readonly (GoalId | null)[])[];
}
