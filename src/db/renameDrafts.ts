import { deviceStorage, keepDeviceSetting } from './deviceStorage';

/**
 * A map name typed in the library, kept in this device's localStorage until the rename is
 * stored. The rename itself is a database write, which a page going away (a reload mid-edit) may
 * drop; this copy is written synchronously, and the next start stores what it finds (see
 * libraryStore's start).
 */

const PREFIX = 'common-ground:rename:';

/** One kept name: the map it is for, and the name as typed. */
export interface RenameDraft {
  readonly mapId: string;
  readonly name: string;
}

/** Keeps the name until clearRenameDraft (nothing is kept where the browser refuses storage). */
export function keepRenameDraft({ mapId, name }: RenameDraft): void {
  keepDeviceSetting(PREFIX + mapId, name);
}

/** Forgets the kept name, unless a later rename of the same map replaced it meanwhile. */
export function clearRenameDraft({ mapId, name }: RenameDraft): void {
  try {
    const storage = deviceStorage();
    if (storage?.getItem(PREFIX + mapId) === name) storage.removeItem(PREFIX + mapId);
  } catch {
    // Kept or not, the rename it stood for is stored: the next start renames to the same name.
  }
}

/** Every kept name, in key order. */
export function readRenameDrafts(): RenameDraft[] {
  const drafts: RenameDraft[] = [];
  try {
    const storage = deviceStorage();
    for (let i = 0; storage && i < storage.length; i++) {
      const key = storage.key(i);
      const name = key?.startsWith(PREFIX) ? storage.getItem(key) : null;
      if (key && name !== null) drafts.push({ mapId: key.slice(PREFIX.length), name });
    }
  } catch {
    // Storage refused while reading: nothing kept can be read, and nothing is lost by stopping.
  }
  return drafts;
}
