import * as Y from 'yjs';
import type { RecordList } from '../domain/merge';

/**
 * How a map is laid out in a room's Y.Doc. Each list of records is a top-level Y.Map keyed by
 * record id, whose values are Y.Maps of the record's fields (the id is the key, not a field), so
 * two people editing different fields of one goal both keep their edit. A conflict's perspectives
 * are a Y.Map nested in its record, keyed by party, so two parties can type theirs at once. The
 * map's own fields (name, description, timestamps) sit in the `meta` Y.Map.
 */
export const ROOM_LISTS = [
  'goals',
  'links',
  'stakeholders',
  'incentives',
  'conflicts',
  'tradeOffs',
  'reportingLines',
] as const satisfies readonly RecordList[];

export const META = 'meta';

/**
 * A record's place in its list. Y.Map keys come back in the order they reached each device, which
 * differs between devices, while a map's lists have an order people see (and the file keeps): so
 * each record carries a number, and lists are read sorted by it, then by id.
 */
export const ORDER = '@order';

/**
 * A deleted record keeps its Y.Map with a mark per deleting device, `@deleted:<client>`
 * (rooms/tombstones.ts says why); a marked record is not on the map.
 */
export const DELETED = '@deleted:';

export const isDeleteMark = (key: string): boolean => key.startsWith(DELETED);

export const isDeleted = (record: YRecord): boolean => [...record.keys()].some(isDeleteMark);

/** The conflict field held as a nested Y.Map keyed by party. */
export const PERSPECTIVES = 'perspectives';

export type YRecord = Y.Map<unknown>;

/** The Y.Map of one list; its values are whatever peers wrote, checked when read. */
export const listMap = (ydoc: Y.Doc, list: RecordList): Y.Map<unknown> => ydoc.getMap(list);

export const metaMap = (ydoc: Y.Doc): Y.Map<unknown> => ydoc.getMap(META);

/** A conflict's record in the room's document, if it is there (and not deleted). */
export function conflictRecord(ydoc: Y.Doc, conflict: string): YRecord | undefined {
  const record = listMap(ydoc, 'conflicts').get(conflict);
  return record instanceof Y.Map && !isDeleted(record) ? (record as YRecord) : undefined;
}

/** A party's perspective on a conflict as the room's document holds it ('' for none). */
export function perspectiveOf(ydoc: Y.Doc, conflict: string, party: string): string {
  const perspectives = conflictRecord(ydoc, conflict)?.get(PERSPECTIVES);
  const text: unknown = perspectives instanceof Y.Map ? perspectives.get(party) : undefined;
  return typeof text === 'string' ? text : '';
}
