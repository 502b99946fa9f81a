import { asGoalId, newId, type GoalId, type StakeholderId } from '../ids';
import type { Position } from './position';
import { POSITION } from './position';
import { finiteOrNull, ID, nonBlank, oneOf, brokenRules, type RecordRules } from './rules';
import type { BrokenRule } from './rules';

/** The three kinds of goal in a KPI tree (README "What it does"). */
export const GOAL_KINDS = ['mission', 'objective', 'kpi'] as const;
export type GoalKind = (typeof GOAL_KINDS)[number];

/** Whether a KPI improves when its value goes up or down (churn goes down). */
export const DIRECTIONS = ['up', 'down'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export interface Metric {
  /** Shown after values ("%", "€k", "days"); free text. */
  readonly unit: string;
  /** null when nobody has measured it yet; a KPI without a value is still a goal. */
  readonly current: number | null;
  readonly target: number | null;
  readonly direction: Direction;
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

export const isGoalKind = (v: unknown): v is GoalKind =>
  typeof v === 'string' && (GOAL_KINDS as readonly string[]).includes(v);

/** A KPI starts with an empty metric: the goal exists before anybody has measured it. */
export const DEFAULT_METRIC: Metric = { unit: '', current: null, target: null, direction: 'up' };

/**
 * What a goal holds when nobody said (a new goal, or a file that leaves the field out); free
 * text, here and in every record, is empty until someone writes it.
 */
export const GOAL_DEFAULTS = { metric: null, position: null, owner: null } as const;

export const METRIC_RULES = {
  direction: oneOf(DIRECTIONS, () => 'A metric improves either up or down.'),
  current: finiteOrNull('The current value must be a number.'),
  target: finiteOrNull('The target must be a number.'),
} satisfies RecordRules<Metric>;

export const GOAL_RULES = {
  id: ID,
  title: nonBlank('A goal needs a title.'),
  kind: oneOf(GOAL_KINDS, (kind) => `"${kind}" is not a kind of goal (mission, objective or kpi).`),
  position: POSITION,
} satisfies RecordRules<Goal>;

/** Every rule the goal breaks, its metric's included ("metric.current"). */
export function checkGoal(goal: Goal): readonly BrokenRule[] {
  const own = brokenRules(goal, GOAL_RULES);
  const metric = goal.metric ? brokenRules(goal.metric, METRIC_RULES, 'metric.') : [];
  return metric.length === 0 ? own : [...own, ...metric];
}

/** Optional fields get defaults; `id` is accepted so callers (and tests) can choose it. */
export interface NewGoalInput {
  readonly id?: GoalId;
  readonly title: string;
  readonly kind?: GoalKind;
  readonly description?: string;
  readonly metric?: Metric | null;
  readonly position?: Position | null;
  readonly owner?: StakeholderId | null;
}

/** A new goal is an objective; a new KPI gets an empty metric to fill in. */
export function newGoal(input: NewGoalInput): Goal {
  const kind = input.kind ?? 'objective';
  return {
    id: input.id ?? asGoalId(newId('g')),
    title: input.title,
    kind,
    description: input.description ?? '',
    metric: input.metric !== undefined ? input.metric : kind === 'kpi' ? DEFAULT_METRIC : null,
    position: input.position ?? GOAL_DEFAULTS.position,
    owner: input.owner ?? GOAL_DEFAULTS.owner,
  };
}
