/**
 * What `npm run analyze` prints, as plain JSON-safe data: every conflict's nearest common goal
 * with goal titles next to ids and where it lands if it escalates, the conflict radar, and the
 * alignment matrix of all stakeholders (up to a limit).
 */
import {
  buildAlignmentMatrix,
  goalIndexOf,
  findCommonGround,
  findConflictRadar,
  toAlignmentMatrixJson,
  type AlignmentMatrixJson,
  type CommonGoalAnswer,
  type CommonGround,
  type CommonGroundAnswered,
  type CommonGroundNone,
  type PartyClimb,
  type PartyTopGoals,
} from '../domain/engine';
import type { ConflictId, GoalId, MapId, StakeholderId } from '../domain/ids';
import { describeEscalation } from '../domain/escalation';
import type { MapDocument } from '../domain/model';
import { describeRadarReason } from '../domain/radarReason';
import { findEscalationPoint, type EscalationPoint } from '../domain/reportingLines';

/** A party's climb with the titles of the goals on its path, for people reading the output. */
export interface ReadablePartyClimb extends PartyClimb {
  readonly pathTitles: readonly string[];
}

export interface ReadableAnswer extends Omit<CommonGoalAnswer, 'climbs'> {
  readonly goalTitle: string;
  readonly climbs: readonly ReadablePartyClimb[];
}

export interface ReadableTopGoals extends PartyTopGoals {
  readonly topGoalTitles: readonly string[];
}

/** CommonGround with goal titles next to goal ids. */
export type ReadableCommonGround =
  | (Omit<CommonGroundAnswered, 'answers'> & { readonly answers: readonly ReadableAnswer[] })
  | (Omit<CommonGroundNone, 'topGoals'> & { readonly topGoals: readonly ReadableTopGoals[] })
  | Exclude<CommonGround, CommonGroundAnswered | CommonGroundNone>;

export interface ConflictAnalysis {
  readonly id: ConflictId;
  readonly title: string;
  readonly parties: readonly StakeholderId[];
  readonly result: ReadableCommonGround;
  /** The parties' lowest common manager (reporting lines), with both answers in words. */
  readonly escalation: EscalationPoint & { readonly text: string };
}

/** One pair on the conflict radar, with its reason in words and names next to ids. */
export interface RadarAnalysis {
  readonly parties: readonly StakeholderId[];
  readonly partyNames: readonly string[];
  readonly score: number;
  readonly tradeOffId: string;
  readonly reason: string;
  readonly nearestGoalId: GoalId | null;
  readonly nearestGoalTitle: string | null;
}

/**
 * The matrix has a cell per pair: 2,000 people make 4 million cells (about 30 MB of output);
 * 5,000 made a document longer than a JavaScript string can be. Beyond the limit the matrix is
 * left out and `matrixOmitted` says why; the conflicts are still answered.
 */
export const MAX_MATRIX_STAKEHOLDERS = 2_000;

export interface MapAnalysis {
  readonly map: { readonly id: MapId; readonly name: string };
  readonly conflicts: readonly ConflictAnalysis[];
  /** Pairs likely to clash over a trade-off, highest score first (empty without trade-offs). */
  readonly radar: readonly RadarAnalysis[];
  readonly matrix: AlignmentMatrixJson | null;
  /** Only when the matrix is left out: why. */
  readonly matrixOmitted?: string;
}

/** Pure: everything the CLI prints, as plain JSON-safe data. */
export function analyzeMap(doc: MapDocument): MapAnalysis {
  const index = goalIndexOf(doc);
  const titles = new Map(doc.goals.map((g) => [g.id, g.title]));
  const titleOf = (id: GoalId): string => titles.get(id) ?? '';
  const map = { id: doc.map.id, name: doc.map.name };
  const conflicts = doc.conflicts.map((c): ConflictAnalysis => {
    const result = findCommonGround(index, c.parties);
    const nearest =
      result.status === 'found' || result.status === 'already-shared'
        ? (result.answers[0]?.goalId ?? null)
        : null;
    const point = findEscalationPoint(doc.reportingLines, c.parties);
    return {
      id: c.id,
      title: c.title,
      parties: c.parties,
      result: withTitles(result, titleOf),
      escalation: { ...point, text: describeEscalation(doc, c.parties, nearest) },
    };
  });
  const names = new Map(doc.stakeholders.map((s) => [s.id, s.name]));
  const radar = findConflictRadar(doc, index).map((pair): RadarAnalysis => ({
    parties: pair.parties,
    partyNames: pair.parties.map((p) => names.get(p) ?? p),
    score: pair.score,
    tradeOffId: pair.tradeOffId,
    reason: describeRadarReason(doc, pair),
    nearestGoalId: pair.nearestGoalId,
    nearestGoalTitle: pair.nearestGoalId === null ? null : titleOf(pair.nearestGoalId),
  }));
  const people = doc.stakeholders.length;
  if (people > MAX_MATRIX_STAKEHOLDERS) {
    const count = (n: number) => n.toLocaleString('en-US');
    const matrixOmitted = `${count(people)} stakeholders; the matrix is written for at most ${count(MAX_MATRIX_STAKEHOLDERS)}`;
    return { map, conflicts, radar, matrix: null, matrixOmitted };
  }
  return { map, conflicts, radar, matrix: toAlignmentMatrixJson(buildAlignmentMatrix(index)) };
}

function withTitles(result: CommonGround, titleOf: (id: GoalId) => string): ReadableCommonGround {
  switch (result.status) {
    case 'found':
    case 'already-shared':
      return {
        ...result,
        answers: result.answers.map((a) => ({
          goalId: a.goalId,
          goalTitle: titleOf(a.goalId),
          totalClimb: a.totalClimb,
          maxClimb: a.maxClimb,
          climbs: a.climbs.map((c) => ({ ...c, pathTitles: c.path.map(titleOf) })),
        })),
      };
    case 'no-common-goal':
      return {
        ...result,
        topGoals: result.topGoals.map((t) => ({ ...t, topGoalTitles: t.topGoals.map(titleOf) })),
      };
    default:
      return result;
  }
}
