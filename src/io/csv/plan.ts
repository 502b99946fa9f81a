import { addGoal, updateGoal, type GoalPatch } from '../../domain/commands';
import { DEFAULT_METRIC, createEmptyMap, newLink } from '../../domain/factories';
import { findClosingLinks } from '../../domain/graph';
import type { GoalId } from '../../domain/ids';
import { checkInvariants } from '../../domain/invariants';
import type { Goal, GoalKind, Link, MapDocument, Metric } from '../../domain/model';
import { err, ok, type Result } from '../../domain/result';
import { problem, type ImportProblem } from '../problems';
import { cellPath, type CsvGoalRow } from './columns';

export interface CsvImportPlan {
  /** The map with the CSV applied; nothing is saved until the caller opens or applies it. */
  readonly doc: MapDocument;
  readonly created: number;
  /** Goals matched by id whose title, kind, description or metric changed. */
  readonly updated: number;
  readonly linked: number;
  readonly unlinked: number;
}

/** What a map made from a CSV file is called and when it was made. */
export interface NewMapInfo {
  readonly name: string;
  readonly now: string;
}

/**
 * Applies CSV rows to `doc` (or to a new map when null): goals are matched by id and updated,
 * new ids are added, and each goal in the file contributes to exactly the parents its row names.
 * Goals the file does not mention are left alone, so re-importing the same file changes nothing.
 * Every problem is reported by row; the result always passes checkInvariants.
 */
export function planCsvImport(
  doc: MapDocument | null,
  rows: readonly CsvGoalRow[],
  newMap: NewMapInfo = { name: 'Imported goals', now: new Date().toISOString() },
): Result<CsvImportPlan, ImportProblem[]> {
  const base = doc ?? createEmptyMap(newMap.name, newMap.now);
  const problems = unknownParents(base, rows);
  const goals = applyGoals(base, rows, problems);
  const links = applyLinks(base, rows);
  problems.push(...cycleProblems(goals.goals, links.links, rows));
  if (problems.length > 0) return err(problems);
  const next: MapDocument = { ...base, goals: goals.goals, links: links.links };
  const broken = checkInvariants(next);
  if (broken.length > 0) return err(broken);
  const { created, updated } = goals;
  return ok({ doc: next, created, updated, linked: links.linked, unlinked: links.unlinked });
}

function unknownParents(base: MapDocument, rows: readonly CsvGoalRow[]): ImportProblem[] {
  const known = new Set<string>([...base.goals.map((g) => g.id), ...rows.map((r) => r.id)]);
  return rows.flatMap((row) =>
    row.parents
      .filter((p) => !known.has(p))
      .map((p) => problem(cellPath(row.row, 'parent'), `unknown parent "${p}"`)),
  );
}

interface AppliedGoals {
  readonly goals: Goal[];
  readonly created: number;
  readonly updated: number;
}

/**
 * Runs each row through addGoal or updateGoal, so CSV goals obey the same rules as edits. Each
 * command sees a one-goal map: applying them to the whole map would copy it once per row.
 */
function applyGoals(
  base: MapDocument,
  rows: readonly CsvGoalRow[],
  problems: ImportProblem[],
): AppliedGoals {
  const single = { ...base, goals: [], links: [], incentives: [], conflicts: [] };
  const indexOf = new Map(base.goals.map((g, i) => [g.id, i]));
  const goals = base.goals.slice();
  let created = 0;
  let updated = 0;
  for (const row of rows) {
    const at = indexOf.get(row.id);
    const existing = at === undefined ? undefined : goals[at];
    const result = existing
      ? updateGoal({ ...single, goals: [existing] }, existing.id, toFields(row, existing))
      : addGoal(single, { id: row.id, ...toFields(row, null) });
    if (!result.ok) {
      problems.push(problem(cellPath(row.row), result.error.message));
      continue;
    }
    const [goal] = result.value.goals;
    if (goal === undefined) continue;
    if (at === undefined) {
      indexOf.set(goal.id, goals.push(goal) - 1);
      created++;
    } else if (existing !== undefined && !sameGoal(goal, existing)) {
      goals[at] = goal;
      updated++;
    }
  }
  return { goals, created, updated };
}

/** Only the fields a CSV row can change; field by field, so key order never matters. */
function sameGoal(a: Goal, b: Goal): boolean {
  const m = a.metric;
  const n = b.metric;
  const sameMetric =
    m === n ||
    (m !== null &&
      n !== null &&
      m.unit === n.unit &&
      m.current === n.current &&
      m.target === n.target &&
      m.direction === n.direction);
  return a.title === b.title && a.kind === b.kind && a.description === b.description && sameMetric;
}

type GoalFields = GoalPatch & Required<Pick<GoalPatch, 'title' | 'kind' | 'description'>>;

/** The goal fields a row sets; a column the file lacks keeps the existing goal's value. */
function toFields(row: CsvGoalRow, existing: Goal | null): GoalFields {
  const kind = row.kind ?? existing?.kind ?? guessKind(row);
  const metric = toMetric(row, kind, existing?.metric ?? null);
  return {
    title: row.title,
    kind,
    description: row.description ?? existing?.description ?? '',
    ...(metric === undefined ? {} : { metric }),
  };
}

/** A new goal without a kind: a KPI if it has numbers, the mission if it has no parent. */
function guessKind(row: CsvGoalRow): GoalKind {
  const hasNumbers =
    (row.unit ?? '') !== '' || (row.current ?? null) !== null || (row.target ?? null) !== null;
  if (hasNumbers) return 'kpi';
  return row.parents.length === 0 ? 'mission' : 'objective';
}

/**
 * undefined when the file has no metric column (the goal keeps its metric); otherwise the cells
 * over the existing metric. A goal that is not a KPI gets a metric only when a cell says so.
 */
function toMetric(
  row: CsvGoalRow,
  kind: GoalKind,
  existing: Metric | null,
): Metric | null | undefined {
  const { unit, current, target, direction } = row;
  if (
    unit === undefined &&
    current === undefined &&
    target === undefined &&
    direction === undefined
  ) {
    return undefined;
  }
  const from = existing ?? DEFAULT_METRIC;
  const metric: Metric = {
    unit: unit ?? from.unit,
    current: current === undefined ? from.current : current,
    target: target === undefined ? from.target : target,
    direction: direction ?? from.direction,
  };
  const said =
    metric.unit !== '' ||
    metric.current !== null ||
    metric.target !== null ||
    (direction ?? null) !== null;
  return kind === 'kpi' || said ? metric : null;
}

interface AppliedLinks {
  readonly links: Link[];
  readonly linked: number;
  readonly unlinked: number;
}

/** Keeps links the file still wants (with their ids), drops the rest from its goals, adds new. */
function applyLinks(base: MapDocument, rows: readonly CsvGoalRow[]): AppliedLinks {
  const wanted = new Map(rows.map((r) => [r.id, new Set<GoalId>(r.parents)]));
  const links = base.links.filter((l) => wanted.get(l.from)?.has(l.to) ?? true);
  const unlinked = base.links.length - links.length;
  const present = new Set(links.map((l) => `${l.from}\u0000${l.to}`));
  let linked = 0;
  for (const row of rows) {
    for (const parent of row.parents) {
      if (present.has(`${row.id}\u0000${parent}`)) continue;
      links.push(newLink(row.id, parent));
      linked++;
    }
  }
  return { links, linked, unlinked };
}

/** Each link of the file that would close a cycle, reported on the row that asks for it. */
function cycleProblems(
  goals: readonly Goal[],
  links: readonly Link[],
  rows: readonly CsvGoalRow[],
): ImportProblem[] {
  const rowOf = new Map<string, number>(rows.map((r) => [r.id, r.row]));
  const { closing, unchecked } = findClosingLinks(goals, links);
  const at = (linkIndex: number) =>
    cellPath(rowOf.get(links[linkIndex]?.from ?? '') ?? 0, 'parent');
  const problems = closing.map(({ linkIndex, cycle }) =>
    problem(at(linkIndex), `would create a cycle: ${cycle.join(' → ')}`),
  );
  const [first] = unchecked;
  if (first !== undefined) {
    problems.push(problem(at(first), `lies on a cycle with ${unchecked.length - 1} more links`));
  }
  return problems;
}
