import type { Goal, MapDocument } from '../domain/model';
// Straight from the modules, not the csv index: the index pulls in the CSV parser (papaparse),
// which only the lazily loaded file reader needs.
import type { ParsedGoalCsv } from '../io/csv/parse';
import { planCsvImport, type CsvImportPlan } from '../io/csv/plan';
import type { ImportProblem } from '../io/problems';

/** What importing a row would do to its goal. */
export type RowAction = 'create' | 'update' | 'unchanged';

export interface RowPreview {
  /** The row number a spreadsheet shows (the header is row 1). */
  readonly row: number;
  readonly id: string;
  readonly title: string;
  readonly action: RowAction;
}

export interface CsvPreview {
  readonly rows: readonly RowPreview[];
  /** Problems of the file and of applying it (unknown parents, cycles), each naming its row. */
  readonly problems: readonly ImportProblem[];
  /** The plan when the file applies cleanly; null while any problem stands. */
  readonly plan: CsvImportPlan | null;
}

const sameGoal = (a: Goal, b: Goal): boolean => JSON.stringify(a) === JSON.stringify(b);

const goalsById = (doc: MapDocument | null): ReadonlyMap<string, Goal> =>
  new Map((doc?.goals ?? []).map((g) => [g.id, g]));

function actionOf(
  id: string,
  before: ReadonlyMap<string, Goal>,
  after: ReadonlyMap<string, Goal>,
): RowAction {
  const old = before.get(id);
  if (!old) return 'create';
  const next = after.get(id);
  return next && sameGoal(old, next) ? 'unchanged' : 'update';
}

/**
 * What the CSV would do to `target` (the open map) or to a new map (null), row by row, before
 * anything is created. Import is offered only when there is no problem at all: a half-imported
 * tree is harder to fix than a spreadsheet.
 */
export function previewCsv(
  csv: ParsedGoalCsv,
  target: MapDocument | null,
  now: string,
): CsvPreview {
  const planned = planCsvImport(target, csv.rows, { name: csv.mapName, now });
  const plan = planned.ok && csv.problems.length === 0 ? planned.value : null;
  const before = goalsById(target);
  const after = goalsById(planned.ok ? planned.value.doc : null);
  return {
    rows: csv.rows.map((r) => ({
      row: r.row,
      id: r.id,
      title: r.title,
      action: actionOf(r.id, before, after),
    })),
    problems: planned.ok ? csv.problems : [...csv.problems, ...planned.error],
    plan,
  };
}
