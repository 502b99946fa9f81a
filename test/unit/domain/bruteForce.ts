/**
 * A direct, deliberately naive reading of the README's "The nearest common goal":
 * sets and maps, a level-by-level walk that rescans every link, no indexes and no reuse. The
 * engine is checked against it, and the benchmark uses it as the baseline.
 */
import type { GoalId, StakeholderId } from '../../../src/domain/ids';
import type { MapDocument } from '../../../src/domain/model';

export interface BruteAnswer {
  readonly goalId: GoalId;
  readonly totalClimb: number;
  readonly maxClimb: number;
  readonly climbs: readonly { readonly stakeholderId: StakeholderId; readonly climb: number }[];
}

export type BruteCommonGround =
  | {
      readonly status: 'found' | 'already-shared';
      readonly parties: readonly StakeholderId[];
      readonly answers: readonly BruteAnswer[];
      readonly commonGoalCount: number;
    }
  | {
      readonly status: 'no-common-goal';
      readonly parties: readonly StakeholderId[];
      readonly topGoals: readonly {
        readonly stakeholderId: StakeholderId;
        readonly topGoals: readonly GoalId[];
      }[];
    }
  | {
      readonly status: 'party-without-incentives';
      readonly parties: readonly StakeholderId[];
      readonly partiesWithoutIncentives: readonly StakeholderId[];
    }
  | { readonly status: 'too-few-parties'; readonly parties: readonly StakeholderId[] }
  | {
      readonly status: 'unknown-party';
      readonly parties: readonly StakeholderId[];
      readonly unknownParties: readonly StakeholderId[];
    };

/** The goals party P holds an incentive on (those that exist). */
export function incentiveGoalsOf(doc: MapDocument, party: StakeholderId): Set<GoalId> {
  const goals = new Set(doc.goals.map((g) => g.id));
  return new Set(
    doc.incentives
      .filter((i) => i.stakeholderId === party && goals.has(i.goalId))
      .map((i) => i.goalId),
  );
}

/** d_P(g) for every g in up(P): walk up one level at a time, rescanning all links each level. */
export function bruteDistances(doc: MapDocument, party: StakeholderId): Map<GoalId, number> {
  const dist = new Map<GoalId, number>();
  let frontier = incentiveGoalsOf(doc, party);
  for (let d = 0; frontier.size > 0; d++) {
    for (const g of frontier) dist.set(g, d);
    const next = new Set<GoalId>();
    for (const link of doc.links) {
      if (frontier.has(link.from) && !dist.has(link.to)) next.add(link.to);
    }
    frontier = next;
  }
  return dist;
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function titleOf(doc: MapDocument, goal: GoalId): string {
  return doc.goals.find((g) => g.id === goal)?.title ?? '';
}

/** Steps 1–3 of the definition for the given parties, taken as listed (no deduplication). */
export function bruteRankedAnswers(
  doc: MapDocument,
  parties: readonly StakeholderId[],
): { answers: BruteAnswer[]; commonGoalCount: number } {
  const dists = parties.map((p) => bruteDistances(doc, p));
  const common = doc.goals.map((g) => g.id).filter((g) => dists.every((d) => d.has(g)));
  const commonSet = new Set(common);
  const lowest = common.filter((g) => !doc.links.some((l) => l.to === g && commonSet.has(l.from)));
  const answers = lowest.map((goalId): BruteAnswer => {
    const climbs = parties.map((stakeholderId, i) => ({
      stakeholderId,
      climb: dists[i]?.get(goalId) ?? Number.NaN,
    }));
    const values = climbs.map((c) => c.climb);
    return {
      goalId,
      totalClimb: values.reduce((a, b) => a + b, 0),
      maxClimb: Math.max(...values),
      climbs,
    };
  });
  answers.sort(
    (a, b) =>
      a.totalClimb - b.totalClimb ||
      a.maxClimb - b.maxClimb ||
      byText(titleOf(doc, a.goalId), titleOf(doc, b.goalId)) ||
      byText(a.goalId, b.goalId),
  );
  return { answers, commonGoalCount: common.length };
}

export function bruteCommonGround(
  doc: MapDocument,
  requested: readonly StakeholderId[],
): BruteCommonGround {
  const parties = [...new Set(requested)];
  const known = new Set(doc.stakeholders.map((s) => s.id));
  const unknownParties = parties.filter((p) => !known.has(p));
  if (unknownParties.length > 0) return { status: 'unknown-party', parties, unknownParties };
  if (parties.length < 2) return { status: 'too-few-parties', parties };
  const partiesWithoutIncentives = parties.filter((p) => incentiveGoalsOf(doc, p).size === 0);
  if (partiesWithoutIncentives.length > 0) {
    return { status: 'party-without-incentives', parties, partiesWithoutIncentives };
  }
  const { answers, commonGoalCount } = bruteRankedAnswers(doc, parties);
  if (answers.length === 0) {
    const hasParent = new Set(doc.links.map((l) => l.from));
    const topGoals = parties.map((stakeholderId) => ({
      stakeholderId,
      topGoals: [...bruteDistances(doc, stakeholderId).keys()]
        .filter((g) => !hasParent.has(g))
        .sort((a, b) => byText(titleOf(doc, a), titleOf(doc, b)) || byText(a, b)),
    }));
    return { status: 'no-common-goal', parties, topGoals };
  }
  const status = answers[0]?.totalClimb === 0 ? 'already-shared' : 'found';
  return { status, parties, answers, commonGoalCount };
}

/** Every pair (and each stakeholder with itself) through the same definition. */
export function bruteAlignmentMatrix(
  doc: MapDocument,
  stakeholders: readonly StakeholderId[] = doc.stakeholders.map((s) => s.id),
): { climbs: number[][]; nearest: (GoalId | null)[][] } {
  const known = new Set(doc.stakeholders.map((s) => s.id));
  const usable = (s: StakeholderId) => known.has(s) && incentiveGoalsOf(doc, s).size > 0;
  const cells = stakeholders.map((a) =>
    stakeholders.map((b) => {
      const best = usable(a) && usable(b) ? bruteRankedAnswers(doc, [a, b]).answers[0] : undefined;
      return best ? { climb: best.totalClimb, goal: best.goalId } : { climb: Infinity, goal: null };
    }),
  );
  return {
    climbs: cells.map((r) => r.map((c) => c.climb)),
    nearest: cells.map((r) => r.map((c) => c.goal)),
  };
}
