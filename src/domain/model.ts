import type {
  ConflictId,
  GoalId,
  IncentiveId,
  LinkId,
  MapId,
  ReportingLineId,
  StakeholderId,
  TradeOffId,
} from './ids';

/** The three kinds of goal in a KPI tree (README "What it does"). */
export const GOAL_KINDS = ['mission', 'objective', 'kpi'] as const;
export type GoalKind = (typeof GOAL_KINDS)[number];

/** Whether a KPI improves when its value goes up or down (churn goes down). */
export const DIRECTIONS = ['up', 'down'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const INCENTIVE_KINDS = ['measured', 'rewarded', 'motivated'] as const;
export type IncentiveKind = (typeof INCENTIVE_KINDS)[number];

/** How people say it: "Dana is rewarded on ARR", "… is motivated by craft". */
export const INCENTIVE_PHRASES: Readonly<Record<IncentiveKind, string>> = {
  measured: 'measured on',
  rewarded: 'rewarded on',
  motivated: 'motivated by',
};

export const CONFLICT_STATUSES = ['open', 'resolved'] as const;
export type ConflictStatus = (typeof CONFLICT_STATUSES)[number];

export interface Metric {
  /** Shown after values ("%", "€k", "days"); free text. */
  readonly unit: string;
  /** null when nobody has measured it yet; a KPI without a value is still a goal. */
  readonly current: number | null;
  readonly target: number | null;
  readonly direction: Direction;
}

export interface Position {
  readonly x: number;
  readonly y: number;
  /** A pinned goal keeps this position when auto layout runs again. */
  readonly pinned: boolean;
}

export interface Goal {
  readonly id: GoalId;
  readonly title: string;
  readonly kind: GoalKind;
  readonly description: string;
  /** Present for KPIs (and allowed on any goal that has a number attached). */
  readonly metric: Metric | null;
  /** Absent until the user places the goal; auto layout decides where unpinned goals go. */
  readonly position: Position | null;
  /** The stakeholder accountable for the goal; null when nobody is named (file format v2). */
  readonly owner: StakeholderId | null;
}

/** "from contributes to to": an edge from a lower goal (child) up to a higher one (parent). */
export interface Link {
  readonly id: LinkId;
  readonly from: GoalId;
  readonly to: GoalId;
}

export interface Stakeholder {
  readonly id: StakeholderId;
  readonly name: string;
  readonly role: string;
  readonly team: string;
  /** CSS hex colour (#rrggbb); paths and incentive edges are drawn in it. */
  readonly color: string;
  readonly notes: string;
  /**
   * Where the person sits on the canvas once placed or dragged (file format v2; before that it
   * lasted only for the session). Null until then: auto layout places them.
   */
  readonly position: Position | null;
}

export interface Incentive {
  readonly id: IncentiveId;
  readonly stakeholderId: StakeholderId;
  readonly goalId: GoalId;
  readonly kind: IncentiveKind;
  /** 0–1 share of attention or bonus; null when nobody said. */
  readonly weight: number | null;
  /** The sentence people actually say ("60% of bonus is new ARR"). */
  readonly note: string;
}

export interface Conflict {
  readonly id: ConflictId;
  readonly title: string;
  /** Two or more stakeholders; order is the order parties are listed in. */
  readonly parties: readonly StakeholderId[];
  readonly status: ConflictStatus;
  /** Each party's view of the conflict, keyed by stakeholder id (a null-prototype record). */
  readonly perspectives: Readonly<Record<string, string>>;
  /** The shared goal the room agreed on, once it has. */
  readonly agreedGoalId: GoalId | null;
  readonly notes: string;
}

/**
 * Two goals that pull against each other ("a deeper discount wins the deal and lowers margin").
 * Symmetric and not a tree edge: the engine never climbs it; it feeds the conflict radar.
 */
export interface TradeOff {
  readonly id: TradeOffId;
  readonly a: GoalId;
  readonly b: GoalId;
  /** Why the two pull apart, in the words of whoever drew it. */
  readonly note: string;
}

/** "from reports to to": a stakeholder and their manager. Reporting lines form a forest. */
export interface ReportingLine {
  readonly id: ReportingLineId;
  readonly from: StakeholderId;
  readonly to: StakeholderId;
}

export interface MapInfo {
  readonly id: MapId;
  readonly name: string;
  readonly description: string;
  /** ISO 8601 timestamps, as in the file format. */
  readonly createdAt: string;
  readonly updatedAt: string;
}

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

export const isGoalKind = (v: unknown): v is GoalKind =>
  typeof v === 'string' && (GOAL_KINDS as readonly string[]).includes(v);
export const isIncentiveKind = (v: unknown): v is IncentiveKind =>
  typeof v === 'string' && (INCENTIVE_KINDS as readonly string[]).includes(v);

/** Perspectives must never walk the prototype chain, whatever a stakeholder id is called. */
export function perspectivesRecord(
  entries: Iterable<readonly [string, string]>,
): Record<string, string> {
  const record: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [k, v] of entries) record[k] = v;
  return record;
}
