import type { AlignmentMatrixJson } from '../domain/engine';
import type { MapAnalysis } from './analysis';

const indent = (text: string, by: string): string => text.replaceAll('\n', `\n${by}`);

/**
 * The analysis as pretty JSON, except that each matrix row stays on one line: written one cell
 * per line, 2,000 people made 8 million lines and a string near V8's limit; a row per line reads
 * as a table and is a tenth of the size.
 */
export function formatAnalysis(analysis: MapAnalysis): string {
  const { matrix, ...rest } = analysis;
  const body = JSON.stringify(rest, null, 2);
  if (matrix === null) {
    return `${body.slice(0, -2)},\n  "matrix": null\n}`;
  }
  return `${body.slice(0, -2)},\n  "matrix": ${indent(formatMatrix(matrix), '  ')}\n}`;
}

function formatMatrix(matrix: AlignmentMatrixJson): string {
  const rows = (cells: readonly (readonly unknown[])[]): string =>
    cells.length === 0
      ? '[]'
      : `[\n    ${cells.map((r) => JSON.stringify(r)).join(',\n    ')}\n  ]`;
  return [
    '{',
    `  "stakeholders": ${JSON.stringify(matrix.stakeholders)},`,
    `  "climbs": ${rows(matrix.climbs)},`,
    `  "nearest": ${rows(matrix.nearest)}`,
    '}',
  ].join('\n');
}
