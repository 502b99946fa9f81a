import { asConflictId, newId, type ConflictId, type GoalId, type StakeholderId } from '../ids';
import { ID, nonBlank, oneOf, type FieldRule, type RecordRules } from './rules';

export const CONFLICT_STATUSES = ['open', 'resolved'] as const;
export type ConflictStatus = (typeof CONFLICT_STATUSES)[number];

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

/** Two or more listed; that they are different, known people is a rule between records. */
export const PARTIES: FieldRule<readonly string[]> = {
  holds: (parties) => parties.length >= 2,
  expected: 'a list of at least 2 stakeholder ids',
  refusal: 'A conflict needs at least two different parties.',
};

export const CONFLICT_RULES = {
  id: ID,
  title: nonBlank('A conflict needs a title.'),
  status: oneOf(CONFLICT_STATUSES, (status) => `"${status}" is not a status (open or resolved).`),
  parties: PARTIES,
} satisfies RecordRules<Conflict>;

export const CONFLICT_DEFAULTS = { status: 'open', agreedGoalId: null } as const;

/** Perspectives must never walk the prototype chain, whatever a stakeholder id is called. */
export function perspectivesRecord(
  entries: Iterable<readonly [string, string]>,
): Record<string, string> {
  const record: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [k, v] of entries) record[k] = v;
  return record;
}

/** Reads a record key without walking the prototype chain (a party may be called "toString"). */
export function ownValue(
  record: Readonly<Record<string, string>>,
  key: string,
): string | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

export interface NewConflictInput {
  readonly id?: ConflictId;
  readonly title: string;
  readonly parties: readonly StakeholderId[];
  readonly status?: ConflictStatus;
  /** Missing parties get an empty perspective; the record is rebuilt with a null prototype. */
  readonly perspectives?: Readonly<Record<string, string>>;
  readonly agreedGoalId?: GoalId | null;
  readonly notes?: string;
}

export function newConflict(input: NewConflictInput): Conflict {
  const given = input.perspectives;
  return {
    id: input.id ?? asConflictId(newId('c')),
    title: input.title,
    parties: input.parties,
    status: input.status ?? CONFLICT_DEFAULTS.status,
    perspectives: perspectivesRecord(
      input.parties.map((p) => [p, given !== undefined ? (ownValue(given, p) ?? '') : '']),
    ),
    agreedGoalId: input.agreedGoalId ?? CONFLICT_DEFAULTS.agreedGoalId,
    notes: input.notes ?? '',
  };
}
