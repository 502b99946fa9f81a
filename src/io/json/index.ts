/**
 * File format (README "The file format", version 2): the public JSON contract for
 * export, import, and what the database stores; older versions are migrated on read. Import never throws; it returns every problem found.
 */
export { formatProblem, type ImportProblem } from '../problems';
export { exportMapJson, fileToDocument, toFileObject } from './document';
export { CURRENT_VERSION, FORMAT_NAME } from './format';
export { importMapObject, type ImportedMap } from './importer';
export { importMapJson } from './importText';
export { RECORD_SCHEMAS, validateRecord, type MapFile } from './schema';
