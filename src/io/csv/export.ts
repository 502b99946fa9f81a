import Papa from 'papaparse';
import { getParents } from '../../domain/graph';
import type { MapDocument } from '../../domain/model';
import { CSV_COLUMNS, FORMULA_START, PARENT_SEPARATOR } from './columns';

/** Excel reads a CSV as UTF-8 only when it starts with a byte order mark. */
const BYTE_ORDER_MARK = '\uFEFF';

/**
 * Goals as a CSV spreadsheet (the columns parseGoalCsv reads, CRLF line ends, quotes where
 * needed). Text cells that a spreadsheet would run as a formula get a leading quote; numbers are
 * written as numbers, so a negative target stays a number.
 */
export function exportGoalsCsv(doc: MapDocument): string {
  const data = doc.goals.map((goal) => [
    goal.id,
    goal.title,
    getParents(doc, goal.id).join(PARENT_SEPARATOR),
    goal.kind,
    goal.description,
    goal.metric?.unit ?? '',
    goal.metric?.current ?? null,
    goal.metric?.target ?? null,
    goal.metric?.direction ?? '',
  ]);
  const body = Papa.unparse(
    { fields: [...CSV_COLUMNS], data },
    { newline: '\r\n', escapeFormulae: FORMULA_START },
  );
  return `${BYTE_ORDER_MARK}${body}\r\n`;
}
