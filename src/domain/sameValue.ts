import type { MapDocument } from './model';

/** Reads a property of plain data without knowing its type (the record kinds differ). */
export const field = (record: object, key: string): unknown => Reflect.get(record, key);

/**
 * Structural equality for plain JSON data (documents are the file format), so it is exact; key
 * order does not matter, arrays must match in order.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  if (keysA.length !== Object.keys(b).length) return false;
  return keysA.every((key) => Object.hasOwn(b, key) && sameValue(field(a, key), field(b, key)));
}

/** Records compared by reference first: edits copy only what they change. */
function sameRecords(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  return a.every((record, i) => record === b[i] || sameValue(record, b[i]));
}

/**
 * True when two versions of a map differ at most in map.updatedAt (which every edit stamps). Fast
 * on large maps: unchanged records are the same objects, so only changed ones are compared.
 */
export function isSameContent(a: MapDocument, b: MapDocument): boolean {
  if (a === b) return true;
  return (
    sameValue({ ...a.map, updatedAt: '' }, { ...b.map, updatedAt: '' }) &&
    sameRecords(a.goals, b.goals) &&
    sameRecords(a.links, b.links) &&
    sameRecords(a.stakeholders, b.stakeholders) &&
    sameRecords(a.incentives, b.incentives) &&
    sameRecords(a.conflicts, b.conflicts) &&
    sameRecords(a.tradeOffs, b.tradeOffs) &&
    sameRecords(a.reportingLines, b.reportingLines)
  );
}
