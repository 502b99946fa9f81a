import { Dexie, type DexieOptions, type EntityTable } from 'dexie';

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
}

export type SettingRow =
  | { readonly key: 'lastOpenedMapId'; readonly value: string }
  | { readonly key: 'starterCreated'; readonly value: boolean };

export type SettingKey = SettingRow['key'];

export const DEFAULT_DATABASE_NAME = 'common-ground';

/** The one declaration of the IndexedDB schema. New versions are added below, never edited. */
export class CommonGroundDb extends Dexie {
  maps!: EntityTable<MapRow, 'id'>;
  documents!: EntityTable<DocumentRow, 'id'>;
  settings!: EntityTable<SettingRow, 'key'>;

  constructor(name: string, options?: DexieOptions) {
    super(name, options);
    this.version(1).stores({
      maps: 'id, updatedAt',
      documents: 'id',
      settings: 'key',
    });
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
