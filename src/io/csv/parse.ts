import Papa from 'papaparse';
import { asGoalId, type GoalId } from '../../domain/ids';
import { DIRECTIONS, isGoalKind, type Direction, type GoalKind } from '../../domain/model';
import { MAX_TEXT_LENGTH, MAX_TEXT_MB } from '../json/format';
import { problem, type ImportProblem } from '../problems';
import {
  COLUMN_ALIASES,
  CSV_COLUMNS,
  FORMULA_START,
  PARENT_SEPARATOR,
  REQUIRED_COLUMNS,
  cellPath,
  type CsvColumn,
  type CsvGoalRow,
} from './columns';

export interface ParsedGoalCsv {
  /** Rows without problems, in file order; nothing is created from them until planCsvImport. */
  readonly rows: readonly CsvGoalRow[];
  readonly problems: readonly ImportProblem[];
  /** A name for a map made from this file: the file name without its extension. */
  readonly mapName: string;
}

const BYTE_ORDER_MARK = '\uFEFF';
const DEFAULT_MAP_NAME = 'Imported goals';

/**
 * CSV text → goal rows and every problem found, each with its row and column. Header names are
 * case-insensitive; comma, semicolon or tab separated; quoted cells may hold separators, quotes
 * and newlines. Never throws.
 */
export function parseGoalCsv(text: string, fileName = ''): ParsedGoalCsv {
  const mapName = nameFromFile(fileName);
  const fail = (message: string): ParsedGoalCsv => ({
    rows: [],
    problems: [problem('', message)],
    mapName,
  });
  // Excel writes a byte order mark before UTF-8 CSV; it is not part of the first header.
  const source = text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text;
  if (source.length > MAX_TEXT_LENGTH) {
    return fail(
      `file is ${(source.length / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_TEXT_MB} MB`,
    );
  }
  if (source.trim() === '') return fail('the file is empty');
  const parsed = Papa.parse<string[]>(source, {
    delimiter: detectDelimiter(source),
    header: false,
    skipEmptyLines: false,
  });
  const problems: ImportProblem[] = parsed.errors.map((e) =>
    problem(e.row === undefined ? '' : cellPath(e.row + 1), describeParseError(e.code)),
  );
  const [header = [], ...records] = parsed.data;
  const columns = readHeader(header, problems);
  if (columns === null) return { rows: [], problems, mapName };
  const rows = readRows(records, { columns, width: header.length }, problems);
  if (rows.length === 0 && problems.length === 0) {
    return fail('the file has no goals below its header');
  }
  return { rows, problems, mapName };
}

function nameFromFile(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const name = base.replace(/\.[^.]*$/, '').trim();
  return name === '' ? DEFAULT_MAP_NAME : name;
}

/**
 * The separator the header line uses most. Guessing from the header alone keeps a title full of
 * commas in a semicolon file (as European spreadsheets write them) from confusing the guess.
 */
function detectDelimiter(source: string): string {
  const firstLine = source.slice(0, source.search(/\r?\n|$/));
  const count = (d: string) => firstLine.split(d).length - 1;
  return [';', '\t'].reduce((best, d) => (count(d) > count(best) ? d : best), ',');
}

function describeParseError(code: Papa.ParseError['code']): string {
  switch (code) {
    case 'MissingQuotes':
      return 'a quoted cell is never closed (a " is missing)';
    case 'InvalidQuotes':
      return 'a quote inside a quoted cell must be doubled ("")';
    default:
      return 'the row could not be read';
  }
}

/** Column name → cell index, or null when a required column is missing. */
function readHeader(
  header: readonly string[],
  problems: ImportProblem[],
): ReadonlyMap<CsvColumn, number> | null {
  const columns = new Map<CsvColumn, number>();
  header.forEach((cell, index) => {
    const name = cell.trim().toLowerCase();
    const column =
      CSV_COLUMNS.find((c) => c === name) ??
      (Object.hasOwn(COLUMN_ALIASES, name) ? COLUMN_ALIASES[name] : undefined);
    if (column === undefined) return;
    if (columns.has(column)) problems.push(problem(cellPath(1, cell.trim()), 'duplicate column'));
    else columns.set(column, index);
  });
  const missing = REQUIRED_COLUMNS.filter((c) => !columns.has(c));
  for (const column of missing) problems.push(problem('', `missing required column "${column}"`));
  return missing.length === 0 ? columns : null;
}

/** Where each known column sits, and how many cells the header has in all. */
interface Layout {
  readonly columns: ReadonlyMap<CsvColumn, number>;
  readonly width: number;
}

function readRows(
  records: readonly (readonly string[])[],
  layout: Layout,
  problems: ImportProblem[],
): CsvGoalRow[] {
  const rows: CsvGoalRow[] = [];
  const firstRowOf = new Map<string, number>();
  records.forEach((cells, index) => {
    const rowNumber = index + 2;
    if (cells.every((c) => c.trim() === '')) return;
    const before = problems.length;
    const row = readRow(cells, rowNumber, layout, problems);
    if (row === null) return;
    const first = firstRowOf.get(row.id);
    if (first === undefined) firstRowOf.set(row.id, rowNumber);
    else {
      const message = `duplicate id "${row.id}" (also on row ${first})`;
      problems.push(problem(cellPath(rowNumber, 'id'), message));
    }
    if (problems.length === before) rows.push(row);
  });
  return rows;
}

/** Reads one row, reporting each bad cell; null when the row has no id to report against. */
function readRow(
  cells: readonly string[],
  row: number,
  { columns, width }: Layout,
  problems: ImportProblem[],
): CsvGoalRow | null {
  const report = (column: CsvColumn | undefined, message: string) =>
    problems.push(problem(cellPath(row, column), message));
  if (cells.slice(width).some((c) => c.trim() !== '')) {
    report(
      undefined,
      'has more cells than the header: does a cell hold the separator without quotes around it?',
    );
  }
  const cell = (column: CsvColumn): string | undefined => {
    const index = columns.get(column);
    return index === undefined ? undefined : unescapeFormula(cells[index] ?? '');
  };
  const id = (cell('id') ?? '').trim();
  if (id === '') {
    report('id', 'id is empty');
    return null;
  }
  const title = cell('title') ?? '';
  if (title.trim() === '') report('title', 'title is empty');
  const parents = readParents(cell('parent') ?? '');
  if (parents.includes(asGoalId(id))) report('parent', `"${id}" cannot be its own parent`);
  return { row, id: asGoalId(id), title, parents, ...readOptional(cell, report) };
}

type Report = (column: CsvColumn, message: string) => void;

/** Only the columns the file has: an absent column leaves the map's value alone on update. */
function readOptional(
  cell: (column: CsvColumn) => string | undefined,
  report: Report,
): Omit<CsvGoalRow, 'row' | 'id' | 'title' | 'parents'> {
  const kind = cell('kind');
  const description = cell('description');
  const unit = cell('unit');
  const direction = cell('direction');
  return {
    ...(kind === undefined ? {} : { kind: readKind(kind, report) }),
    ...(description === undefined ? {} : { description }),
    ...(unit === undefined ? {} : { unit }),
    ...readNumber('current', cell('current'), report),
    ...readNumber('target', cell('target'), report),
    ...(direction === undefined ? {} : { direction: readDirection(direction, report) }),
  };
}

function readParents(text: string): GoalId[] {
  const ids = text
    .split(PARENT_SEPARATOR)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  return [...new Set(ids)].map(asGoalId);
}

function readKind(text: string, report: Report): GoalKind | null {
  const kind = text.trim().toLowerCase();
  if (kind === '') return null;
  if (isGoalKind(kind)) return kind;
  report('kind', 'kind must be mission, objective or kpi');
  return null;
}

function readDirection(text: string, report: Report): Direction | null {
  const direction = text.trim().toLowerCase();
  if (direction === '') return null;
  const known = DIRECTIONS.find((d) => d === direction);
  if (known !== undefined) return known;
  report('direction', 'direction must be up or down');
  return null;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
/** "12,5": a decimal comma, as spreadsheets in many locales write numbers. */
const DECIMAL_COMMA = /^[+-]?\d+,\d+$/;

function readNumber(
  column: 'current' | 'target',
  text: string | undefined,
  report: Report,
): Partial<Record<'current' | 'target', number | null>> {
  if (text === undefined) return {};
  const trimmed = text.trim();
  if (trimmed === '') return { [column]: null };
  const normal = DECIMAL_COMMA.test(trimmed) ? trimmed.replace(',', '.') : trimmed;
  const value = NUMBER.test(normal) ? Number(normal) : Number.NaN;
  if (Number.isFinite(value)) return { [column]: value };
  report(column, `${column} is not a number: "${text}"`);
  return { [column]: null };
}

/** Undoes the export's formula guard: a leading quote before a formula character. */
function unescapeFormula(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}
