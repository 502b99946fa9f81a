/**
 * Whether the browser reset this app's database since an earlier visit. Browsers may discard an
 * origin's IndexedDB on their own (they delete a database they find damaged after a crash, or
 * evict storage that is not persistent when the disk runs low), and the app then starts as on a
 * first visit, with only the example map. The database's stamp, also kept outside IndexedDB (in
 * localStorage), tells a true first visit from a reset one, so the user hears that their maps
 * are gone and how to bring them back instead of silently finding the example.
 */

import { deviceStorage, type KeyValueStorage } from '../db/deviceStorage';
import type { CommonGroundDb } from '../db/schema';

const MARK = 'common-ground.database-stamp';

/** The part of this device's storage this needs. */
export type MarkStorage = Pick<KeyValueStorage, 'getItem' | 'setItem'>;

/** What the user reads when their stored maps are gone. */
export const STORAGE_RESET_TEXT =
  'This browser has reset the storage of Common Ground since you last used it: the maps kept on this device are gone, and the example map was made again. If you exported your maps, Import the files to bring them back.';

/**
 * Called on every start with the open database's stamp and whether it had no starter content yet
 * (a new database). True when localStorage remembers another database: the browser replaced the
 * one an earlier visit used. Keeps `stamp` for the next start. Where localStorage cannot be used
 * (blocked by the browser's settings, or reset with the database), nothing can be told: false.
 */
export function databaseWasReset(
  storage: MarkStorage | null,
  stamp: string,
  newDatabase: boolean,
): boolean {
  if (!storage) return false;
  try {
    const remembered = storage.getItem(MARK);
    if (remembered !== stamp) storage.setItem(MARK, stamp);
    return newDatabase && remembered !== null && remembered !== stamp;
  } catch {
    return false;
  }
}

/**
 * The stamp this database was given when first opened (`makeStamp()` then, in a transaction, so
 * two tabs opened at once agree on one).
 */
export function databaseStamp(db: CommonGroundDb, makeStamp: () => string): Promise<string> {
  return db.transaction('rw', db.settings, async () => {
    const row = await db.settings.get('databaseStamp');
    if (row?.key === 'databaseStamp' && typeof row.value === 'string') return row.value;
    const stamp = makeStamp();
    await db.settings.put({ key: 'databaseStamp', value: stamp });
    return stamp;
  });
}

/**
 * The open database's stamp (made now if it has none), checked against and kept in the page's
 * localStorage: true when a new database replaced the one an earlier visit used.
 */
export async function noteDatabase(
  db: CommonGroundDb,
  clock: () => string,
  newDatabase: boolean,
): Promise<boolean> {
  return databaseWasReset(deviceStorage(), await databaseStamp(db, clock), newDatabase);
}
