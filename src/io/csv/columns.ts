import type { GoalId } from '../../domain/ids';
import type { Direction, GoalKind } from '../../domain/model';

/** The columns of a KPI tree kept in a spreadsheet, in the order an export writes them. */
export const CSV_COLUMNS = [
  'id',
  'title',
  'parent',
  'kind',
  'description',
  'unit',
  'current',
  'target',
  'direction',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

export const REQUIRED_COLUMNS: readonly CsvColumn[] = ['id', 'title', 'parent'];

/** Header spellings accepted besides the column names themselves. */
export const COLUMN_ALIASES: Readonly<Record<string, CsvColumn>> = { parents: 'parent' };

/** Separates several parents in one cell: a goal may contribute to more than one parent. */
export const PARENT_SEPARATOR = '|';

/**
 * Cells a spreadsheet would run as a formula (OWASP "CSV injection") get a leading quote on
 * export. A leading quote is escaped the same way, so stripping one on import is exact.
 */
export const FORMULA_START = /^[=+\-@\t\r']/;

/**
 * One goal row of a CSV file. An optional field is absent when its column is not in the file:
 * re-importing then keeps what the map already has for that goal.
 */
export interface CsvGoalRow {
  /** The row number a spreadsheet shows: the header is row 1. */
  readonly row: number;
  readonly id: GoalId;
  readonly title: string;
  /** The goals this one contributes to, without repeats. */
  readonly parents: readonly GoalId[];
  /** null when the cell is empty: kept on update, guessed for a new goal. */
  readonly kind?: GoalKind | null;
  readonly description?: string;
  readonly unit?: string;
  /** null when the cell is empty: nobody measured it yet. */
  readonly current?: number | null;
  readonly target?: number | null;
  /** null when the cell is empty. */
  readonly direction?: Direction | null;
}

/** Where a problem sits, as a person looking at the spreadsheet would find it. */
export function cellPath(row: number, column?: string): string {
  return column === undefined ? `row ${row}` : `row ${row}, column "${column}"`;
}
