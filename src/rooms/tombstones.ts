import * as Y from 'yjs';
import { DELETED, isDeleteMark, ORDER, PERSPECTIVES, type YRecord } from './roomShape';

/**
 * Deleting a record in a room. Yjs drops a change made inside a Y.Map that another device removed
 * at the same moment, with no trace: so a record's Y.Map is never removed. A delete marks it
 * instead, under a key of the deleting device (`@deleted:<client>`), with what that device had
 * seen of the record: per writer, the clock after its last entry there (a state vector). Readers
 * treat a marked record as absent, unless one of its entries is not covered by any mark: that
 * entry was written on a device that had not seen the delete, and the record is set aside with
 * its name rather than dropped. Every device decides from entries every device holds, so all
 * decide alike; one key per deleting device keeps two deletes at once (and one undone) apart.
 *
 * Marked records stay in the document for good (a room has no member list that would say when
 * every device has seen a delete): their fields, and a few dozen bytes of marks on top
 * (`npm run bench roomsDoc` measures it).
 */

/** Keys that are the room's bookkeeping, not something a person edited. */
const isBookkeeping = (key: string): boolean => key === ORDER || isDeleteMark(key);

/**
 * The record's Y.Map entries as they stand: key and the entry that holds its value. Only `_map`
 * (in Yjs's typings) gives each key's Item, whose id says which device wrote it and when.
 */
function liveEntries(map: Y.Map<unknown>): [string, Y.Item][] {
  return [...map._map].filter(([, item]) => !item.deleted);
}

/** A record's perspectives map, when it has one. */
function perspectivesOf(record: YRecord): Y.Map<unknown> | undefined {
  const perspectives = record.get(PERSPECTIVES);
  return perspectives instanceof Y.Map ? (perspectives as Y.Map<unknown>) : undefined;
}

/** Every entry a person wrote in the record: its fields, and each party's perspective. */
function personEntries(record: YRecord): { readonly what: Edited; readonly item: Y.Item }[] {
  const fields = liveEntries(record)
    .filter(([key]) => !isBookkeeping(key))
    .map(([key, item]) => ({ what: { field: key }, item }));
  const perspectives = perspectivesOf(record);
  const texts =
    perspectives === undefined
      ? []
      : liveEntries(perspectives).map(([party, item]) => ({
          what: { field: PERSPECTIVES, party },
          item,
        }));
  return [...fields, ...texts];
}

/** Marks `record` deleted by the device `client`, covering every entry it holds now. */
export function markDeleted(record: YRecord, client: number): void {
  const seen = new Map<number, number>();
  for (const { item } of personEntries(record)) {
    const { client: writer, clock } = item.id;
    seen.set(writer, Math.max(seen.get(writer) ?? 0, clock + item.length));
  }
  record.set(`${DELETED}${client}`, Y.encodeStateVector(seen));
}

/** Takes every delete mark off `record` (it shows again); false when it had none. */
export function clearDeleted(record: YRecord): boolean {
  const marks = [...record.keys()].filter(isDeleteMark);
  for (const key of marks) record.delete(key);
  return marks.length > 0;
}

/** What an entry written after a delete changed: a field, or one party's perspective. */
export interface Edited {
  readonly field: string;
  readonly party?: string;
}

/**
 * For a record marked deleted, the entries no mark covers (written where the delete was not yet
 * seen), sorted so every device lists them alike: empty when the record is simply gone.
 * A mark that is not a state vector (a device wrote garbage) covers nothing.
 */
export function editedAfterDelete(record: YRecord): Edited[] {
  const seen = new Map<number, number>();
  for (const [key, value] of record.entries()) {
    if (!isDeleteMark(key) || !(value instanceof Uint8Array)) continue;
    for (const [writer, clock] of decoded(value)) {
      seen.set(writer, Math.max(seen.get(writer) ?? 0, clock));
    }
  }
  return personEntries(record)
    .filter(({ item }) => item.id.clock >= (seen.get(item.id.client) ?? 0))
    .map(({ what }) => what)
    .sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
}

const order = (edited: Edited): string => `${edited.field}\u0000${edited.party ?? ''}`;

function decoded(vector: Uint8Array): Map<number, number> {
  try {
    return Y.decodeStateVector(vector);
  } catch {
    return new Map();
  }
}
