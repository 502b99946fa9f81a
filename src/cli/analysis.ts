/**
 * What `npm run analyze` prints, as plain JSON-safe data: every conflict's nearest common goal
 * with goal titles next to ids, and the alignment matrix of all stakeholders (up to a limit).
 */
import {
  buildAlignmentMatrix,
  buildGoalIndex,
  findCommonGround,
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
import type { MapDocument } from '../domain/model';

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
  readonly matrix: AlignmentMatrixJson | null;
  /** Only when the matrix is left out: why. */
  readonly matrixOmitted?: string;
}

/** Pure: everything the CLI prints, as plain JSON-safe data. */
export function analyzeMap(doc: MapDocument): MapAnalysis {
  const index = buildGoalIndex(doc);
  const titles = new Map(doc.goals.map((g) => [g.id, g.title]));
  const titleOf = (id: GoalId): string => titles.get(id) ?? '';
  const map = { id: doc.map.id, name: doc.map.name };
  const conflicts = doc.conflicts.map((c) => ({
    id: c.id,
    title: c.title,
    parties: c.parties,
    result: withTitles(findCommonGround(index, c.parties), titleOf),
  }));
  const people = doc.stakeholders.length;
  if (people > MAX_MATRIX_STAKEHOLDERS) {
    const count = (n: number) => n.toLocaleString('en-US');
    const matrixOmitted = `${count(people)} stakeholders; the matrix is written for at most ${count(MAX_MATRIX_STAKEHOLDERS)}`;
    return { map, conflicts, matrix: null, matrixOmitted };
  }
  return { map, conflicts, matrix: toAlignmentMatrixJson(buildAlignmentMatrix(index)) };
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
