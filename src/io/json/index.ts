/**
 * File format version 1 (PRODUCT.md "The file format"): the public JSON contract for export,
 * import, and what the database stores. Import never throws; it returns every problem found.
 */
export { formatProblem, type ImportProblem } from '../problems';
export { exportMapJson, toFileObject } from './document';
export { CURRENT_VERSION, FORMAT_NAME } from './format';
export { importMapObject, type ImportedMap } from './importer';
export { importMapJson } from './importText';
export type { MapFileV1 } from './schema';
