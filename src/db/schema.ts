import { Dexie, liveQuery, type DexieOptions, type EntityTable, type Observable } from 'dexie';
import type { Orientation } from '../domain/orientation';
import { DEFAULT_DATABASE_NAME } from './newDatabase';

/** How many of each record a map holds, shown in the library without loading the map. */
export interface MapCounts {
  readonly goals: number;
  readonly stakeholders: number;
  readonly conflicts: number;
}

/** A row of the map library: everything the library lists, kept beside the full document. */
export interface MapRow {
  readonly id: string;
  readonly name: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly counts: MapCounts;
  /** Goes up by one with every save; compare-and-set against it detects a concurrent writer. */
  readonly revision: number;
  /** ISO time of the last JSON or PNG export: until there is one, the map lives only here. */
  readonly exportedAt?: string;
  /** ISO time the user put off the backup reminder ("Not now"); it stays quiet for a while. */
  readonly backupReminderSnoozedAt?: string;
  /** How this device draws the map's tree (see mapView.ts); top-down when absent. */
  readonly orientation?: Orientation;
}

/**
 * A stored map in the file format (version 1 or older), exactly as `toFileObject` produced it.
 * `file` stays `unknown` on purpose: it is read back through the same validating, migrating
 * importer as a file the user opens, so a damaged or old record can never pass unchecked.
 */
export interface DocumentRow {
  readonly id: string;
  readonly revision: number;
  readonly file: unknown;
  /**
   * ISO time this row was written, which tells a pause in editing (a snapshot is due) from
   * ongoing work. Absent on rows written before schema version 2.
   */
  readonly savedAt?: string;
}

/** Why a snapshot was kept; History says so next to it. */
/**
 * Why a version was kept: a pause in editing, a restore or an import about to replace it, or
 * edits a closing tab left behind that could not become the map itself (another tab saved later).
 */
export type SnapshotReason = 'pause' | 'before-restore' | 'before-replace' | 'recovered';

/**
 * A past version of a map, as History lists it. The content lives in `snapshotFiles` under the
 * same id, so listing and pruning never load whole maps.
 */
export interface SnapshotRow {
  /** Assigned by the database on insert. */
  readonly id: number;
  readonly mapId: string;
  /** ISO time the snapshot was taken: when this version stopped being the newest one. */
  readonly takenAt: string;
  /** ISO time this version was saved, i.e. what the map looked like then. */
  readonly savedAt: string;
  /** The map's revision this version had (for an unsaved in-memory version, the stored one). */
  readonly revision: number;
  readonly reason: SnapshotReason;
  readonly counts: MapCounts;
  /** UTF-8 size of the content as JSON: what the per-map size budget adds up. */
  readonly bytes: number;
  /** A hash of the content as JSON, so a repeat of the newest snapshot is found without reading it. */
  readonly digest: number;
}

/** A snapshot's content, stored as the file object exactly like DocumentRow.file, and read back the same way. */
export interface SnapshotFileRow {
  readonly id: number;
  readonly file: unknown;
}

/**
 * A map shared as a room: which room on which relay, and the secrets this device holds. The map
 * itself stays an ordinary map in `maps`/`documents`; leaving the room deletes only this row (and
 * the room's updates).
 */
export interface RoomRow {
  readonly mapId: string;
  readonly roomId: string;
  /** The relay's WebSocket address. */
  readonly relay: string;
  readonly role: 'edit' | 'view';
  /** The secret of `role`, which this device joins with. */
  readonly key: string;
  /** Only on the device that shared the map: the view secret, so it can show the view link again. */
  readonly viewKey?: string;
  /**
   * Only on the device that shared the map, and in no link: the secret the relay asks for before
   * it rotates the room's secrets or deletes it. Rooms shared before it existed have none.
   */
  readonly ownerKey?: string;
}

/**
 * One Yjs update of a room's document, stored as it happened on this device or arrived from the
 * relay, so a shared map opens and is edited offline and merges when the relay is back.
 */
export interface RoomUpdateRow {
  /** Assigned by the database on insert: the order updates were kept in. */
  readonly id?: number;
  readonly mapId: string;
  readonly update: Uint8Array;
}

export type SettingRow =
  | { readonly key: 'lastOpenedMapId'; readonly value: string }
  | { readonly key: 'starterCreated'; readonly value: boolean }
  /** When this database was made: tells it from one the browser discarded (app/storageReset.ts). */
  | { readonly key: 'databaseStamp'; readonly value: string }
  /** The relay address last used to share a map, offered again next time. */
  | { readonly key: 'relayAddress'; readonly value: string };

export type SettingKey = SettingRow['key'];

/**
 * The one declaration of the IndexedDB schema. New versions are added below, never edited. The
 * only module that imports Dexie's code: boot loads it apart from the first screen (a first visit
 * draws its first map without it), and everything else reaches Dexie through the database.
 */
export class CommonGroundDb extends Dexie {
  maps!: EntityTable<MapRow, 'id'>;
  documents!: EntityTable<DocumentRow, 'id'>;
  settings!: EntityTable<SettingRow, 'key'>;
  snapshots!: EntityTable<SnapshotRow, 'id'>;
  snapshotFiles!: EntityTable<SnapshotFileRow, 'id'>;
  rooms!: EntityTable<RoomRow, 'mapId'>;
  roomUpdates!: EntityTable<RoomUpdateRow, 'id'>;

  constructor(name: string, options?: DexieOptions) {
    super(name, options);
    this.version(1).stores({
      maps: 'id, updatedAt',
      documents: 'id',
      settings: 'key',
    });
    // Version history: tables declared here are added; version 1's tables carry over unchanged.
    this.version(2).stores({
      snapshots: '++id, mapId, [mapId+takenAt]',
      snapshotFiles: 'id',
    });
    // Workshop rooms: which maps are shared, and their Yjs updates kept on this device.
    this.version(3).stores({
      rooms: 'mapId, roomId',
      roomUpdates: '++id, mapId',
    });
  }

  /** Dexie's live query: `query` again whenever a tab of this origin commits what it read. */
  live<T>(query: () => Promise<T>): Observable<T> {
    return liveQuery(query);
  }
}

/**
 * Opens (lazily, on first use) the app database. Tests pass their own IndexedDB implementation,
 * e.g. a fresh fake-indexeddb factory per test.
 */
export function openDatabase(
  name = DEFAULT_DATABASE_NAME,
  indexedDB?: DexieOptions['indexedDB'],
  IDBKeyRange?: DexieOptions['IDBKeyRange'],
): CommonGroundDb {
  const options: DexieOptions = {};
  if (indexedDB) options.indexedDB = indexedDB;
  if (IDBKeyRange) options.IDBKeyRange = IDBKeyRange;
  return new CommonGroundDb(name, options);
}
