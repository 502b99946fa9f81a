/**
 * One thing wrong with a file the user tried to import, and where. Every importer (JSON, CSV)
 * reports with this shape so the UI can list problems the same way whatever the format.
 */
export interface ImportProblem {
  /** Where in the file, like `goals[3].metric.target`; '' when it concerns the whole file. */
  readonly path: string;
  readonly message: string;
  /** The line (1-based) in the file's text, when the text was read and the place is known. */
  readonly line?: number;
  /** With `line` and no path: where on that line the text stops making sense. */
  readonly column?: number;
}

export const problem = (path: string, message: string): ImportProblem => ({ path, message });

/** A problem at a place in the text, for faults found before there is any structure to name. */
export const problemAt = (
  path: string,
  message: string,
  line: number,
  column?: number,
): ImportProblem =>
  column === undefined ? { path, message, line } : { path, message, line, column };

/** The place of a problem that concerns no part of the file but the file itself. */
export const WHOLE_FILE = 'whole file';

/** Where a problem is, as people read it: `goals[3].title (line 12)`, `line 3, column 7`. */
export function placeOf(p: ImportProblem): string {
  if (p.line === undefined) return p.path === '' ? WHOLE_FILE : p.path;
  if (p.path !== '') return `${p.path} (line ${p.line})`;
  return p.column === undefined ? `line ${p.line}` : `line ${p.line}, column ${p.column}`;
}

/** In a sentence: a whole-file problem is its message alone ("Can’t be opened: file is empty"). */
export function formatProblem(p: ImportProblem): string {
  return p.path === '' && p.line === undefined ? p.message : `${placeOf(p)}: ${p.message}`;
}

/**
 * In a list of `<file>: <where>: <what>` lines every problem has a place, so a message like
 * "not valid JSON" is never read as if it were the place.
 */
export function formatProblemLine(p: ImportProblem): string {
  return `${placeOf(p)}: ${p.message}`;
}

/**
 * A file with 150,000 broken records does not need 150,000 lines: the first ones show what is
 * wrong, a count says how much more there is. Also keeps every later step (a UI list, stderr)
 * bounded whatever the file holds.
 */
export const MAX_PROBLEMS = 100;

export function capProblems(problems: readonly ImportProblem[]): readonly ImportProblem[] {
  if (problems.length <= MAX_PROBLEMS) return problems;
  const more = problems.length - MAX_PROBLEMS;
  return [
    ...problems.slice(0, MAX_PROBLEMS),
    problem(
      '',
      `and ${more.toLocaleString('en-US')} more ${more === 1 ? 'problem' : 'problems'} like these (the first ${MAX_PROBLEMS} are listed)`,
    ),
  ];
}
