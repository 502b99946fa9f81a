import * as Y from 'yjs';
import type { RecordList } from '../domain/merge';
import { perspectivesRecord, type MapDocument, type MapInfo } from '../domain/model';
import { KEEP_REPAIRED, REMOVE, type SetAsideItem } from '../domain/repair';
import { byId } from '../domain/repairItems';
import {
  CURRENT_VERSION,
  fileToDocument,
  formatProblem,
  FORMAT_NAME,
  RECORD_SCHEMAS,
  validateRecord,
  type ImportProblem,
  type MapFile,
} from '../io/json';
import { orderOf } from './writeRoom';
import { deletedWhileEdited } from './deletedItems';
import { isDeleted, listMap, metaMap, ROOM_LISTS } from './roomShape';
import { editedAfterDelete, type Edited } from './tombstones';
import type { Result } from '../domain/result';

/**
 * Reading a room's Y.Doc back into a map document. Every record is checked with the rules the file
 * format checks it with (io/json's schema, built on domain/records), since any device can write
 * anything into a room; a record that breaks them is set aside with the reason, never a crash.
 * The reader keeps each record as last read, so after a change only the records it touched are
 * read again.
 */

type RoomList = (typeof ROOM_LISTS)[number];
type FileRecords = { [L in RoomList]: MapFile[L][number] };

type Check<T> = (data: unknown, at: readonly PropertyKey[]) => Result<T, ImportProblem[]>;

/** One checker per list, so each list's records keep their own type. */
const CHECKS: { readonly [L in RoomList]: Check<FileRecords[L]> } = {
  goals: (data, at) => validateRecord(RECORD_SCHEMAS.goals, data, at),
  links: (data, at) => validateRecord(RECORD_SCHEMAS.links, data, at),
  stakeholders: (data, at) => validateRecord(RECORD_SCHEMAS.stakeholders, data, at),
  incentives: (data, at) => validateRecord(RECORD_SCHEMAS.incentives, data, at),
  conflicts: (data, at) => validateRecord(RECORD_SCHEMAS.conflicts, data, at),
  tradeOffs: (data, at) => validateRecord(RECORD_SCHEMAS.tradeOffs, data, at),
  reportingLines: (data, at) => validateRecord(RECORD_SCHEMAS.reportingLines, data, at),
};

/**
 * A record as last read: its place and checked fields, why it is set aside, or what was changed
 * in it where its delete was not yet seen (named when the map is read, with the names then).
 */
type Entry<T> =
  | { readonly ok: true; readonly order: number; readonly id: string; readonly record: T }
  | { readonly ok: false; readonly item: SetAsideItem }
  | {
      readonly ok: 'deleted';
      readonly list: RoomList;
      readonly id: string;
      readonly edited: readonly Edited[];
    };

type Cache = { [L in RoomList]: Map<string, Entry<FileRecords[L]>> };

/** The map as read, before repair: records that broke their own rules are already set aside. */
export interface ReadMap {
  readonly doc: MapDocument;
  readonly setAside: readonly SetAsideItem[];
}

export class RoomReader {
  private readonly cache: Cache = {
    goals: new Map(),
    links: new Map(),
    stakeholders: new Map(),
    incentives: new Map(),
    conflicts: new Map(),
    tradeOffs: new Map(),
    reportingLines: new Map(),
  };

  constructor(private readonly ydoc: Y.Doc) {
    for (const list of ROOM_LISTS) this.refresh(list, listMap(ydoc, list).keys());
  }

  /** Reads the records `ids` of `list` again (after a change touched them). */
  refresh(list: RoomList, ids: Iterable<string>): void {
    refreshEntries(this.cache[list], list, listMap(this.ydoc, list), ids);
  }

  /**
   * The map as it stands in the room. `fallback` gives the map's own fields while the room has
   * none yet (before the first sync) or has broken ones.
   */
  read(fallback: MapInfo): ReadMap {
    const setAside: SetAsideItem[] = [];
    const info = readMapInfo(this.ydoc, fallback, setAside);
    const listed = <L extends RoomList>(list: L): FileRecords[L][] => {
      const entries: Entry<FileRecords[L]>[] = [...this.cache[list].values()];
      const good: Extract<Entry<FileRecords[L]>, { ok: true }>[] = [];
      const bad: SetAsideItem[] = [];
      for (const entry of entries) {
        if (entry.ok === true) good.push(entry);
        else if (entry.ok === false) bad.push(entry.item);
        else bad.push(deletedWhileEdited(this.ydoc, entry.list, entry.id, entry.edited));
      }
      // By id: records reach each device's cache in a different order.
      setAside.push(...bad.sort(byId));
      good.sort((a, b) => a.order - b.order || byId(a, b));
      return good.map((entry) => entry.record);
    };
    const file: MapFile = {
      format: FORMAT_NAME,
      version: CURRENT_VERSION,
      map: info,
      goals: listed('goals'),
      links: listed('links'),
      stakeholders: listed('stakeholders'),
      incentives: listed('incentives'),
      conflicts: listed('conflicts').map((c) => withPartyPerspectives(c, setAside)),
      tradeOffs: listed('tradeOffs'),
      reportingLines: listed('reportingLines'),
    };
    return { doc: fileToDocument(file), setAside };
  }
}

/** Reads the whole room once (a room being joined, a test). */
export function readMapDocument(ydoc: Y.Doc, fallback: MapInfo): ReadMap {
  return new RoomReader(ydoc).read(fallback);
}

/**
 * A record deleted on one device is not on the map and never reaches the file or its checks; one
 * changed on a device that had not seen the delete is set aside, naming what was changed.
 */
function refreshEntries<L extends RoomList>(
  entries: Map<string, Entry<FileRecords[L]>>,
  list: L,
  records: Y.Map<unknown>,
  ids: Iterable<string>,
): void {
  for (const id of ids) {
    const stored = records.get(id);
    const entry = stored === undefined ? undefined : entryOf(list, id, stored);
    if (entry === undefined) entries.delete(id);
    else entries.set(id, entry);
  }
}

function entryOf<L extends RoomList>(
  list: L,
  id: string,
  stored: unknown,
): Entry<FileRecords[L]> | undefined {
  if (!(stored instanceof Y.Map) || !isDeleted(stored)) return readEntry(list, id, stored);
  const edited = editedAfterDelete(stored);
  return edited.length === 0 ? undefined : { ok: 'deleted', list, id, edited };
}

function readEntry<L extends RoomList>(
  list: L,
  id: string,
  stored: unknown,
): Entry<FileRecords[L]> {
  const at = [list, id];
  if (!(stored instanceof Y.Map)) {
    return unreadable(list, id, [
      { path: `${list}[${JSON.stringify(id)}]`, message: 'not a record' },
    ]);
  }
  const data: unknown = { ...stored.toJSON(), id };
  const checked = CHECKS[list](data, at);
  if (!checked.ok) return unreadable(list, id, checked.error);
  return { ok: true, order: orderOf(stored) ?? Infinity, id, record: checked.value };
}

const WHAT: Readonly<Record<RecordList, string>> = {
  goals: 'goal',
  links: 'link',
  stakeholders: 'person',
  incentives: 'incentive',
  conflicts: 'conflict',
  tradeOffs: 'trade-off',
  reportingLines: 'reporting line',
};

function unreadable(list: RecordList, id: string, problems: readonly ImportProblem[]) {
  const item: SetAsideItem = {
    list,
    id,
    cause: 'unreadable',
    message: `A ${WHAT[list]} written on another device breaks the map's rules: ${problems.map(formatProblem).join('; ')}.`,
    involves: [],
    resolutions: [REMOVE(WHAT[list])],
  };
  return { ok: false, item } as const;
}

function readMapInfo(ydoc: Y.Doc, fallback: MapInfo, setAside: SetAsideItem[]): MapFile['map'] {
  const meta = metaMap(ydoc);
  if (meta.size === 0) return fallback;
  const checked = validateRecord(RECORD_SCHEMAS.map, meta.toJSON(), ['map']);
  if (checked.ok) return checked.value;
  setAside.push({
    list: 'map',
    id: fallback.id,
    cause: 'unreadable',
    message: `The map's details written on another device break its rules (${checked.error.map(formatProblem).join('; ')}); this device shows its own.`,
    involves: [],
    resolutions: [KEEP_REPAIRED("Keep this device's details")],
  });
  return fallback;
}

type FileConflict = FileRecords['conflicts'];

/**
 * A perspective for exactly the conflict's parties, in party order. Text kept under someone who
 * is no longer a party (typed while another device took them off) is named, not dropped.
 */
function withPartyPerspectives(conflict: FileConflict, setAside: SetAsideItem[]): FileConflict {
  const given = conflict.perspectives;
  const parties = new Set(conflict.parties);
  for (const [party, text] of Object.entries(given)) {
    if (parties.has(party) || text === '') continue;
    setAside.push({
      list: 'conflicts',
      id: conflict.id,
      cause: 'detached-text',
      message: `A perspective on "${conflict.title}" was written for someone who was taken off its parties on another device at the same time: "${text}".`,
      involves: [party],
      resolutions: [KEEP_REPAIRED('Discard the text')],
    });
  }
  const perspectives = perspectivesRecord(
    conflict.parties.map((p) => [p, Object.hasOwn(given, p) ? (given[p] ?? '') : '']),
  );
  return { ...conflict, perspectives };
}
