/**
 * File format version 1 (PRODUCT.md "The file format"): the public JSON contract for export,
 * import, and what the database stores. Import never throws; it returns every problem found.
 */
import type { MapDocument } from '../../domain/model';
import { toFileObject } from './document';

export { formatProblem, type ImportProblem } from '../problems';
export { toFileObject } from './document';
export { CURRENT_VERSION, FORMAT_NAME } from './format';
export { importMapJson, importMapObject, type ImportedMap } from './importer';
export type { MapFileV1 } from './schema';

/** Pretty-printed with two spaces and a trailing newline, so exported files diff well. */
export function exportMapJson(doc: MapDocument): string {
  return `${JSON.stringify(toFileObject(doc), null, 2)}\n`;
}
