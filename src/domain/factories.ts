import {
  asConflictId,
  asGoalId,
  asIncentiveId,
  asLinkId,
  asMapId,
  asReportingLineId,
  asStakeholderId,
  asTradeOffId,
  newId,
} from './ids';
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
import { perspectivesRecord } from './model';
import type {
  Conflict,
  ConflictStatus,
  Goal,
  GoalKind,
  Incentive,
  IncentiveKind,
  Link,
  MapDocument,
  Metric,
  Position,
  ReportingLine,
  Stakeholder,
  TradeOff,
} from './model';

/**
 * Stakeholder colours: each has at least 4.5:1 contrast against white (so white labels on it and
 * paths drawn on a light canvas stay readable) and they are far apart in hue and lightness, so two
 * parties in one picture are never confused.
 */
export const STAKEHOLDER_COLORS = [
  '#1864ab',
  '#c2410c',
  '#2b7a3b',
  '#9c36b5',
  '#0b7285',
  '#c2255c',
  '#3b3fc4',
  '#7a5c00',
] as const;

/** A KPI starts with an empty metric: the goal exists before anybody has measured it. */
export const DEFAULT_METRIC: Metric = { unit: '', current: null, target: null, direction: 'up' };

export function createEmptyMap(name: string, now: string, id?: MapId): MapDocument {
  return {
    map: {
      id: id ?? asMapId(newId('m')),
      name,
      description: '',
      createdAt: now,
      updatedAt: now,
    },
    goals: [],
    links: [],
    stakeholders: [],
    incentives: [],
    conflicts: [],
    tradeOffs: [],
    reportingLines: [],
  };
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

export function newGoal(input: NewGoalInput): Goal {
  const kind = input.kind ?? 'objective';
  return {
    id: input.id ?? asGoalId(newId('g')),
    title: input.title,
    kind,
    description: input.description ?? '',
    metric: input.metric !== undefined ? input.metric : kind === 'kpi' ? DEFAULT_METRIC : null,
    position: input.position ?? null,
    owner: input.owner ?? null,
  };
}

export function newLink(from: GoalId, to: GoalId, id?: LinkId): Link {
  return { id: id ?? asLinkId(newId('l')), from, to };
}

export interface NewStakeholderInput {
  readonly id?: StakeholderId;
  readonly name: string;
  readonly role?: string;
  readonly team?: string;
  readonly color?: string;
  readonly notes?: string;
  readonly position?: Position | null;
}

/**
 * The palette colour used least among `stakeholders` (earliest in the palette on a tie), so a new
 * stakeholder stands apart from the ones already on the map.
 */
export function nextStakeholderColor(stakeholders: readonly Stakeholder[]): string {
  const uses = new Map<string, number>(STAKEHOLDER_COLORS.map((c) => [c, 0]));
  for (const s of stakeholders) {
    const color = s.color.toLowerCase();
    const n = uses.get(color);
    if (n !== undefined) uses.set(color, n + 1);
  }
  let best: string = STAKEHOLDER_COLORS[0];
  let bestUses = Infinity;
  for (const [color, n] of uses) {
    if (n < bestUses) {
      best = color;
      bestUses = n;
    }
  }
  return best;
}

/** Without a colour, picks the one least used among `existing` stakeholders. */
export function newStakeholder(
  input: NewStakeholderInput,
  existing: readonly Stakeholder[] = [],
): Stakeholder {
  return {
    id: input.id ?? asStakeholderId(newId('s')),
    name: input.name,
    role: input.role ?? '',
    team: input.team ?? '',
    color: input.color ?? nextStakeholderColor(existing),
    notes: input.notes ?? '',
    position: input.position ?? null,
  };
}

export function newTradeOff(a: GoalId, b: GoalId, note = '', id?: TradeOffId): TradeOff {
  return { id: id ?? asTradeOffId(newId('t')), a, b, note };
}

export function newReportingLine(
  from: StakeholderId,
  to: StakeholderId,
  id?: ReportingLineId,
): ReportingLine {
  return { id: id ?? asReportingLineId(newId('r')), from, to };
}

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
    weight: input.weight ?? null,
    note: input.note ?? '',
  };
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
    status: input.status ?? 'open',
    perspectives: perspectivesRecord(
      input.parties.map((p) => [p, given !== undefined ? (ownValue(given, p) ?? '') : '']),
    ),
    agreedGoalId: input.agreedGoalId ?? null,
    notes: input.notes ?? '',
  };
}

/** Reads a record key without walking the prototype chain (a party may be called "toString"). */
export function ownValue(
  record: Readonly<Record<string, string>>,
  key: string,
): string | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
