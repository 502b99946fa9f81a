/**
 * Whether the browser reset this app's database since an earlier visit. Browsers may discard an
 * origin's IndexedDB on their own (they delete a database they find damaged after a crash, or
 * evict storage that is not persistent when the disk runs low), and the app then starts as on a
 * first visit, with only the example map. The database's stamp, also kept outside IndexedDB (in
 * localStorage), tells a true first visit from a reset one, so the user hears that their maps
 * are gone and how to bring them back instead of silently finding the example.
 */

const MARK = 'common-ground.database-stamp';

/** The part of `localStorage` this needs. */
export interface MarkStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** What the user reads when their stored maps are gone. */
export const STORAGE_RESET_TEXT =
  'This browser has reset the storage of Common Ground since you last used it: the maps kept on this device are gone, and the example map was made again. If you exported your maps, Import the files to bring them back.';

/**
 * Called once per boot with the open database's stamp and whether it had no starter content yet
 * (a new database). True when localStorage remembers another database: the browser replaced the
 * one an earlier visit used. Keeps `stamp` for the next boot. Where localStorage cannot be used
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

/** The page's localStorage, or null where the browser refuses it. */
export function pageStorage(): MarkStorage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
