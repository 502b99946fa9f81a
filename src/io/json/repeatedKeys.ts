import { formatPath } from '../../domain/paths';
import { problemAt, type ImportProblem } from '../problems';

/*
 * JSON.parse keeps the last of two equal keys without a word; the text scan (syntax.ts) notes
 * every repeat, and this turns them into problems with their lines.
 */

/** The sections of a map file: given twice, JSON.parse would silently keep only the last. */
const SECTIONS = new Set(['map', 'goals', 'links', 'stakeholders', 'incentives', 'conflicts']);

/** A key given a second time in the same object. */
export interface RepeatedKey {
  readonly key: string;
  /** From the root down to the key itself. */
  readonly path: readonly (string | number)[];
  /** Offsets of the first and the repeated key. */
  readonly first: number;
  readonly at: number;
}

/** Repeated sections refuse the file; a repeated field is a warning, since the last one wins. */
export function describeRepeats(
  text: string,
  repeats: readonly RepeatedKey[],
): { refused: ImportProblem[]; warnings: ImportProblem[] } {
  const lines = linesAt(
    text,
    repeats.flatMap((r) => [r.first, r.at]),
  );
  const lineOf = (at: number): number => lines.get(at) ?? 1;
  const refused: ImportProblem[] = [];
  const warnings: ImportProblem[] = [];
  for (const r of repeats) {
    const also = `given twice (also on line ${lineOf(r.first)})`;
    const section = r.path.length === 1 && SECTIONS.has(r.key);
    if (section) {
      refused.push(problemAt(r.key, `${also}; a map file has one "${r.key}"`, lineOf(r.at)));
    } else {
      warnings.push(
        problemAt(formatPath([...r.path]), `${also}; the last one is kept`, lineOf(r.at)),
      );
    }
  }
  return { refused, warnings };
}

/** Line numbers of many offsets in one pass over the text. */
function linesAt(text: string, offsets: readonly number[]): Map<number, number> {
  const sorted = [...new Set(offsets)].sort((a, b) => a - b);
  const lines = new Map<number, number>();
  let line = 1;
  let newline = text.indexOf('\n');
  for (const at of sorted) {
    while (newline !== -1 && newline < at) {
      line++;
      newline = text.indexOf('\n', newline + 1);
    }
    lines.set(at, line);
  }
  return lines;
}
