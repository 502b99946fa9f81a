/**
 * `npm run analyze -- <map.json>`: prints, as JSON, the nearest common goal of every conflict in a
 * map file and the alignment matrix of all its stakeholders. Exit codes: 0 done, 1 the file is
 * not a valid map (each problem on stderr), 2 no file given or the file cannot be read.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
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
import { formatProblem, importMapJson } from '../io/json';

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

export interface MapAnalysis {
  readonly map: { readonly id: MapId; readonly name: string };
  readonly conflicts: readonly ConflictAnalysis[];
  readonly matrix: AlignmentMatrixJson;
}

/** Pure: everything the CLI prints, as plain JSON-safe data. */
export function analyzeMap(doc: MapDocument): MapAnalysis {
  const index = buildGoalIndex(doc);
  const titles = new Map(doc.goals.map((g) => [g.id, g.title]));
  const titleOf = (id: GoalId): string => titles.get(id) ?? '';
  return {
    map: { id: doc.map.id, name: doc.map.name },
    conflicts: doc.conflicts.map((c) => ({
      id: c.id,
      title: c.title,
      parties: c.parties,
      result: withTitles(findCommonGround(index, c.parties), titleOf),
    })),
    matrix: toAlignmentMatrixJson(buildAlignmentMatrix(index)),
  };
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

/** Where the CLI reads and writes, so tests can drive it without a terminal. */
export interface CliIo {
  readonly readText: (file: string) => Promise<string>;
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

export const USAGE = 'usage: npm run analyze -- <map.json>';

/** Runs the command and returns its exit code. */
export async function runAnalyze(args: readonly string[], io: CliIo): Promise<number> {
  const file = args[0];
  if (file === undefined || file === '') {
    io.err(USAGE);
    return 2;
  }
  let text: string;
  try {
    text = await io.readText(file);
  } catch (error) {
    io.err(
      `${file}: cannot read the file (${error instanceof Error ? error.message : String(error)})`,
    );
    return 2;
  }
  const imported = importMapJson(text);
  if (!imported.ok) {
    for (const problem of imported.error) io.err(`${file}: ${formatProblem(problem)}`);
    return 1;
  }
  for (const warning of imported.value.warnings)
    io.err(`${file}: warning: ${formatProblem(warning)}`);
  io.out(JSON.stringify(analyzeMap(imported.value.doc), null, 2));
  return 0;
}

const invokedDirectly = resolve(process.argv[1] ?? '') === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  process.exitCode = await runAnalyze(process.argv.slice(2), {
    readText: (file) => readFile(file, 'utf8'),
    out: (text) => console.log(text),
    err: (text) => console.error(text),
  });
}
