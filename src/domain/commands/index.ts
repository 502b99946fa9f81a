/**
 * Pure edit commands: each takes a map document (never mutated) and returns the edited copy or a
 * CommandError. Only id generation is non-deterministic, and every input accepts an explicit id.
 */
export type { CommandError, CommandResult, RecordKind } from './errors';
export { addGoal, moveGoal, moveGoals, removeGoal, removeGoals, updateGoal } from './goals';
export type { GoalPatch } from './goals';
export { linkGoals, unlinkGoals } from './links';
export type { LinkRef } from './links';
export { addStakeholder, removeStakeholder, updateStakeholder } from './stakeholders';
export type { StakeholderPatch } from './stakeholders';
export { addIncentive, removeIncentive, updateIncentive } from './incentives';
export type { IncentivePatch } from './incentives';
export { addConflict, removeConflict, updateConflict } from './conflicts';
export type { ConflictPatch } from './conflicts';
export { renameMap } from './map';
export { addTradeOff, findTradeOff, removeTradeOff, updateTradeOff } from './tradeOffs';
export type { NewTradeOffInput } from './tradeOffs';
export { setReportsTo } from './reporting';
export { moveNodes, moveStakeholders } from './positions';
export type { Placements } from './positions';
