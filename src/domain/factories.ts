import type { MapId } from './ids';
import type { MapDocument } from './model';
import { newMapInfo } from './records';

/**
 * Each record's factory lives beside its type and rules (records/); they are gathered here with
 * the empty map, which is where new documents start.
 */
export {
  DEFAULT_METRIC,
  STAKEHOLDER_COLORS,
  newConflict,
  newGoal,
  newIncentive,
  newLink,
  newReportingLine,
  newStakeholder,
  newTradeOff,
  nextStakeholderColor,
  ownValue,
} from './records';
export type {
  NewConflictInput,
  NewGoalInput,
  NewIncentiveInput,
  NewStakeholderInput,
} from './records';

export function createEmptyMap(name: string, now: string, id?: MapId): MapDocument {
  return {
    map: newMapInfo(name, now, id),
    goals: [],
    links: [],
    stakeholders: [],
    incentives: [],
    conflicts: [],
    tradeOffs: [],
    reportingLines: [],
  };
}
