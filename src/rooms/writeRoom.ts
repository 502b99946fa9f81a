import * as Y from 'yjs';
import type { MapDocument } from '../domain/model';
import { field, sameValue } from '../domain/sameValue';
import { listMap, metaMap, ORDER, PERSPECTIVES, ROOM_LISTS, type YRecord } from './roomShape';
import { markDeleted } from './tombstones';

/**
 * Writing a map into a room's Y.Doc: the whole map once, when a room is made, then each local edit
 * as the smallest change that carries it (only the records and fields it changed), so edits made
 * at once on other devices to other fields survive the merge.
 */

type AnyRecord = { readonly id: string };

/** Writes `doc` into an empty Y.Doc, in one transaction. */
export function writeMapDocument(ydoc: Y.Doc, doc: MapDocument, origin: unknown = null): void {
  ydoc.transact(() => {
    writeFields(metaMap(ydoc), undefined, doc.map, false);
    for (const list of ROOM_LISTS) {
      const records = listMap(ydoc, list);
      doc[list].forEach((record: AnyRecord, i) => {
        addRecord(records, record).set(ORDER, i);
      });
    }
  }, origin);
}

/**
 * Writes what changed from `before` to `after` (one edit on this device) in one transaction with
 * `origin`. `before` is the map as this device showed it. A record the edit deletes keeps its
 * Y.Map, marked deleted (rooms/tombstones.ts). A record the edit changed that another device
 * deleted meanwhile gets the changed fields, which that delete did not see, so the record is set
 * aside with their name; one an older room removed outright is written back whole: an edit is
 * never dropped for a delete.
 */
export function writeEdit(
  ydoc: Y.Doc,
  before: MapDocument,
  after: MapDocument,
  origin: unknown,
): void {
  ydoc.transact(() => {
    if (before.map !== after.map) writeFields(metaMap(ydoc), before.map, after.map, false);
    for (const list of ROOM_LISTS) {
      editList(listMap(ydoc, list), before[list], after[list], ydoc.clientID);
    }
  }, origin);
}

function editList(
  records: Y.Map<unknown>,
  before: readonly AnyRecord[],
  after: readonly AnyRecord[],
  client: number,
): void {
  if (before === after) return;
  const beforeById = new Map(before.map((r) => [r.id, r]));
  const kept = new Set(after.map((r) => r.id));
  for (const record of before) {
    const stored = records.get(record.id);
    if (!kept.has(record.id) && stored instanceof Y.Map) markDeleted(stored, client);
  }
  for (const record of after) {
    const old = beforeById.get(record.id);
    if (old === record) continue;
    const stored = records.get(record.id);
    if (old === undefined || !(stored instanceof Y.Map)) addRecord(records, record);
    else writeFields(stored, old, record, true);
  }
  if (!sameSequence(before, after)) placeInOrder(records, after);
}

/** A new record map (fields, perspectives) in `records`; its order is set by the caller. */
function addRecord(records: Y.Map<unknown>, record: AnyRecord): YRecord {
  const stored: YRecord = new Y.Map();
  records.set(record.id, stored);
  writeFields(stored, undefined, record, true);
  return stored;
}

/** Every field whose value differs from `before` (all of them without one); never the id. */
function writeFields(
  target: Y.Map<unknown>,
  before: object | undefined,
  after: object,
  skipId: boolean,
): void {
  for (const key of Object.keys(after)) {
    if (skipId && key === 'id') continue;
    const value = field(after, key);
    const old = before === undefined ? undefined : field(before, key);
    if (before !== undefined && sameValue(old, value)) continue;
    if (key === PERSPECTIVES) writePerspectives(target, old, value);
    else target.set(key, storable(value));
  }
}

/** Party by party, so two parties typing their perspective at once both keep theirs. */
function writePerspectives(record: YRecord, before: unknown, after: unknown): void {
  const stored = record.get(PERSPECTIVES);
  const perspectives: Y.Map<unknown> = stored instanceof Y.Map ? stored : new Y.Map<unknown>();
  if (perspectives !== stored) record.set(PERSPECTIVES, perspectives);
  const oldTexts = isObject(before) ? before : {};
  const newTexts = isObject(after) ? after : {};
  for (const party of Object.keys(newTexts)) {
    const text = field(newTexts, party);
    if (!Object.hasOwn(oldTexts, party) || field(oldTexts, party) !== text) {
      perspectives.set(party, text);
    }
  }
  for (const party of Object.keys(oldTexts)) {
    if (!Object.hasOwn(newTexts, party)) perspectives.delete(party);
  }
}

/** Y.Map refuses an object without Object's prototype (a record a file built): copy it. */
export const storable = (value: unknown): unknown =>
  isObject(value) && !Array.isArray(value) ? { ...value } : value;

const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null;

const sameSequence = (a: readonly AnyRecord[], b: readonly AnyRecord[]): boolean =>
  a.length === b.length && a.every((record, i) => record.id === b[i]?.id);

/** A record's stored place, when it has a usable one. */
export function orderOf(stored: unknown): number | undefined {
  if (!(stored instanceof Y.Map)) return undefined;
  const order: unknown = stored.get(ORDER);
  return typeof order === 'number' && Number.isFinite(order) ? order : undefined;
}

/**
 * Gives records their place in `after`'s order, rewriting as few as it can: a record already
 * after the previous one keeps its number; one that is not (new, or moved) gets a number between
 * its neighbours. Records added at once on two devices may get the same number; the id decides.
 */
function placeInOrder(records: Y.Map<unknown>, after: readonly AnyRecord[]): void {
  let last = -Infinity;
  after.forEach((record, i) => {
    const stored = records.get(record.id);
    const order = orderOf(stored);
    if (order !== undefined && order > last) {
      last = order;
      return;
    }
    const nextId = after[i + 1]?.id;
    const next = nextId === undefined ? undefined : orderOf(records.get(nextId));
    const place =
      next !== undefined && next > last
        ? last === -Infinity
          ? next - 1
          : (last + next) / 2
        : last === -Infinity
          ? 0
          : last + 1;
    if (stored instanceof Y.Map) stored.set(ORDER, place);
    last = place;
  });
}
