/**
 * fast-check generators of random, valid MapDocuments. Goals are generated in order and only link
 * to earlier goals, so every document is acyclic by construction; several parents per goal and
 * several roots (disconnected trees) are common, and titles repeat so ties are exercised.
 */
import fc from 'fast-check';
import {
  asConflictId,
  asGoalId,
  asIncentiveId,
  asLinkId,
  asMapId,
  asStakeholderId,
} from '../../../src/domain/ids';
import {
  CONFLICT_STATUSES,
  INCENTIVE_KINDS,
  perspectivesRecord,
  type Conflict,
  type Goal,
  type Incentive,
  type Link,
  type MapDocument,
  type Stakeholder,
} from '../../../src/domain/model';

export interface MapDocumentConstraints {
  readonly maxGoals?: number;
  readonly minStakeholders?: number;
  readonly maxStakeholders?: number;
  readonly maxIncentivesPerStakeholder?: number;
}

/** Few distinct titles, so equal climbs are often broken by title and then by id. */
const TITLES = ['Grow revenue', 'Retain customers', 'Ship faster', 'Margin', 'NPS', 'Uptime'];

export const arbColor = fc
  .integer({ min: 0, max: 0xffffff })
  .map((n) => `#${n.toString(16).padStart(6, '0')}`);

const arbWeight = fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null });

/** For goal i: the earlier goals it contributes to (none makes it a root of its own tree). */
const arbParents = (i: number): fc.Arbitrary<number[]> =>
  i === 0
    ? fc.constant<number[]>([])
    : fc.oneof(
        { weight: 1, arbitrary: fc.constant<number[]>([]) },
        { weight: 6, arbitrary: fc.uniqueArray(fc.nat(i - 1), { minLength: 1, maxLength: 3 }) },
      );

interface GoalShape {
  readonly parents: number[];
  readonly title: string;
  readonly isKpi: boolean;
  readonly current: number | null;
}

interface StakeholderShape {
  readonly color: string;
  readonly incentives: { goal: number; kind: Incentive['kind']; weight: number | null }[];
}

interface ConflictShape {
  readonly parties: number[];
  readonly status: Conflict['status'];
  readonly agreedGoal: number | null;
}

const arbGoalShape = (i: number): fc.Arbitrary<GoalShape> =>
  fc.record({
    parents: arbParents(i),
    title: fc.constantFrom(...TITLES),
    isKpi: fc.boolean(),
    current: fc.option(fc.integer({ min: -1000, max: 1000 }), { nil: null }),
  });

function toGoal(i: number, shape: GoalShape): Goal {
  // A goal with no parent is the top of its tree; everything below is an objective or a KPI.
  const kind = shape.parents.length === 0 ? 'mission' : shape.isKpi ? 'kpi' : 'objective';
  return {
    id: asGoalId(`g${i}`),
    title: shape.title,
    kind,
    description: '',
    metric:
      kind === 'kpi' ? { unit: '%', current: shape.current, target: 100, direction: 'up' } : null,
    position: null,
    owner: null,
  };
}

const arbIncentive = (goalCount: number) =>
  fc.record({
    goal: fc.nat(goalCount - 1),
    kind: fc.constantFrom(...INCENTIVE_KINDS),
    weight: arbWeight,
  });

const arbStakeholderShape = (
  goalCount: number,
  maxIncentives: number,
): fc.Arbitrary<StakeholderShape> =>
  fc.record({
    color: arbColor,
    // Mostly one or more incentives; sometimes none, the "measured on nothing" case.
    incentives: fc.oneof(
      { weight: 1, arbitrary: fc.constant<StakeholderShape['incentives']>([]) },
      {
        weight: 8,
        arbitrary: fc.array(arbIncentive(goalCount), { minLength: 1, maxLength: maxIncentives }),
      },
    ),
  });

const arbConflictShape = (
  stakeholderCount: number,
  goalCount: number,
): fc.Arbitrary<ConflictShape> =>
  fc.record({
    parties: fc.uniqueArray(fc.nat(stakeholderCount - 1), {
      minLength: 2,
      maxLength: Math.min(4, stakeholderCount),
    }),
    status: fc.constantFrom(...CONFLICT_STATUSES),
    agreedGoal: fc.option(fc.nat(goalCount - 1), { nil: null }),
  });

function assemble(
  goalShapes: readonly GoalShape[],
  stakeholderShapes: readonly StakeholderShape[],
  conflictShapes: readonly ConflictShape[],
): MapDocument {
  const goals = goalShapes.map((shape, i) => toGoal(i, shape));
  const links: Link[] = goalShapes.flatMap((shape, i) =>
    shape.parents.map((p) => ({
      id: asLinkId(`l${i}-${p}`),
      from: asGoalId(`g${i}`),
      to: asGoalId(`g${p}`),
    })),
  );
  const stakeholders: Stakeholder[] = stakeholderShapes.map((shape, s) => ({
    id: asStakeholderId(`s${s}`),
    name: `Stakeholder ${s}`,
    role: '',
    team: '',
    color: shape.color,
    notes: '',
    position: null,
  }));
  const incentives: Incentive[] = stakeholderShapes.flatMap((shape, s) =>
    uniqueBy(shape.incentives, (i) => `${i.goal}-${i.kind}`).map((i) => ({
      id: asIncentiveId(`i${s}-${i.goal}-${i.kind}`),
      stakeholderId: asStakeholderId(`s${s}`),
      goalId: asGoalId(`g${i.goal}`),
      kind: i.kind,
      weight: i.weight,
      note: '',
    })),
  );
  const conflicts: Conflict[] = conflictShapes.map((shape, c) => {
    const parties = shape.parties.map((s) => asStakeholderId(`s${s}`));
    return {
      id: asConflictId(`c${c}`),
      title: `Conflict ${c}`,
      parties,
      status: shape.status,
      perspectives: perspectivesRecord(
        parties.map((p) => [p, `${p} sees it differently`] as const),
      ),
      agreedGoalId: shape.agreedGoal === null ? null : asGoalId(`g${shape.agreedGoal}`),
      notes: '',
    };
  });
  const map = {
    id: asMapId('m-random'),
    name: 'Random map',
    description: '',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
  return {
    map,
    goals,
    links,
    stakeholders,
    incentives,
    conflicts,
    tradeOffs: [],
    reportingLines: [],
  };
}

/** One incentive per (stakeholder, goal, kind), as the invariants require; the first one wins. */
function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** A random valid map: 1..maxGoals goals, min..maxStakeholders stakeholders, conflicts of 2+ parties. */
export function arbMapDocument(
  constraints: MapDocumentConstraints = {},
): fc.Arbitrary<MapDocument> {
  const {
    maxGoals = 24,
    minStakeholders = 1,
    maxStakeholders = 6,
    maxIncentivesPerStakeholder = 3,
  } = constraints;
  return fc
    .tuple(
      fc.integer({ min: 1, max: maxGoals }),
      fc.integer({ min: minStakeholders, max: maxStakeholders }),
    )
    .chain(([goalCount, stakeholderCount]) =>
      fc.tuple(
        fc.tuple(...Array.from({ length: goalCount }, (_, i) => arbGoalShape(i))),
        fc.array(arbStakeholderShape(goalCount, maxIncentivesPerStakeholder), {
          minLength: stakeholderCount,
          maxLength: stakeholderCount,
        }),
        stakeholderCount < 2
          ? fc.constant([])
          : fc.array(arbConflictShape(stakeholderCount, goalCount), { maxLength: 3 }),
      ),
    )
    .map(([goalShapes, stakeholderShapes, conflictShapes]) =>
      assemble(goalShapes, stakeholderShapes, conflictShapes),
    );
}
