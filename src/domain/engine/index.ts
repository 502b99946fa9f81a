/** The nearest-common-goal engine: build an index per document revision, then query it. */
export { buildGoalIndex, goalIndexOf } from './goalIndex';
export { climbsOf } from './climbs';
export { findCommonGround } from './commonGround';
export { buildAlignmentMatrix, toAlignmentMatrixJson } from './matrix';
export { DEFAULT_RADAR_DEPTH, findConflictRadar } from './radar';
export type { RadarPair, RadarSide } from './radar';
export type {
  AlignmentMatrix,
  AlignmentMatrixJson,
  CommonGoalAnswer,
  CommonGround,
  CommonGroundAnswered,
  CommonGroundMissingIncentives,
  CommonGroundNone,
  CommonGroundStatus,
  CommonGroundTooFew,
  CommonGroundUnknownParty,
  GoalIndex,
  PartyClimb,
  PartyTopGoals,
} from './types';
