import { asIncentiveId, newId, type GoalId, type IncentiveId, type StakeholderId } from '../ids';
import { ID, oneOf, type FieldRule, type RecordRules } from './rules';

export const INCENTIVE_KINDS = ['measured', 'rewarded', 'motivated'] as const;
export type IncentiveKind = (typeof INCENTIVE_KINDS)[number];

/** How people say it: "Dana is rewarded on ARR", "… is motivated by craft". */
export const INCENTIVE_PHRASES: Readonly<Record<IncentiveKind, string>> = {
  measured: 'measured on',
  rewarded: 'rewarded on',
  motivated: 'motivated by',
};

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

export const isIncentiveKind = (v: unknown): v is IncentiveKind =>
  typeof v === 'string' && (INCENTIVE_KINDS as readonly string[]).includes(v);

export const WEIGHT: FieldRule<number | null> = {
  holds: (weight) => weight === null || (Number.isFinite(weight) && weight >= 0 && weight <= 1),
  expected: 'a number from 0 to 1, or null',
  refusal: 'The weight must be a number from 0 to 1.',
};

export const INCENTIVE_RULES = {
  id: ID,
  stakeholderId: ID,
  goalId: ID,
  kind: oneOf(
    INCENTIVE_KINDS,
    (kind) => `"${kind}" is not a kind of incentive (measured, rewarded or motivated).`,
  ),
  weight: WEIGHT,
} satisfies RecordRules<Incentive>;

export const INCENTIVE_DEFAULTS = { weight: null } as const;

export interface NewIncentiveInput {
  readonly id?: IncentiveId;
  readonly stakeholderId: StakeholderId;
  readonly goalId: GoalId;
  readonly kind: IncentiveKind;
  readonly weight?: number | null;
  readonly note?: string;
}

export function newIncentive(input: NewIncentiveInput): Incentive {
  return {
    id: input.id ?? asIncentiveId(newId('i')),
    stakeholderId: input.stakeholderId,
    goalId: input.goalId,
    kind: input.kind,
    weight: input.weight ?? INCENTIVE_DEFAULTS.weight,
    note: input.note ?? '',
  };
}
