import type {
  Conflict,
  Goal,
  Incentive,
  Link,
  MapInfo,
  ReportingLine,
  Stakeholder,
  TradeOff,
} from './records';

/** The records of a map, each defined in its own file under records/ (type, rules, defaults). */
export * from './records';

/**
 * One map: the goal tree plus its people, incentives and conflicts. This is the document that is
 * saved, exported and undone; array order is kept so export → import round-trips exactly.
 */
export interface MapDocument {
  readonly map: MapInfo;
  readonly goals: readonly Goal[];
  readonly links: readonly Link[];
  readonly stakeholders: readonly Stakeholder[];
  readonly incentives: readonly Incentive[];
  readonly conflicts: readonly Conflict[];
  readonly tradeOffs: readonly TradeOff[];
  readonly reportingLines: readonly ReportingLine[];
}
