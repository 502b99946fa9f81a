import { deviceStorage, type KeyValueStorage } from './deviceStorage';

/**
 * A map name typed in the library, kept in localStorage until the rename is stored. The rename
 * itself is a database write, which a page going away (a reload mid-edit) may drop; this copy is
 * written synchronously, and the next start stores what it finds (see libraryStore's start).
 */

const PREFIX = 'common-ground:rename:';

/** One kept name: the map it is for, and the name as typed. */
export interface RenameDraft {
  readonly mapId: string;
  readonly name: string;
}

/** Keeps `name` for the map until clearRenameDraft; false when the browser refused it. */
export function keepRenameDraft(
  draft: RenameDraft,
  storage: KeyValueStorage | null = deviceStorage(),
): boolean {
  try {
    storage?.setItem(PREFIX + draft.mapId, draft.name);
    return storage !== null;
  } catch {
    return false;
  }
}

/** Forgets the kept name, unless a later rename of the same map replaced it meanwhile. */
export function clearRenameDraft(
  draft: RenameDraft,
  storage: KeyValueStorage | null = deviceStorage(),
): void {
  try {
    if (storage?.getItem(PREFIX + draft.mapId) === draft.name)
      storage.removeItem(PREFIX + draft.mapId);
  } catch {
    // Kept or not, the rename it stood for is stored: the next start renames to the same name.
  }
}

/** Every kept name, in key order. */
export function readRenameDrafts(storage: KeyValueStorage | null = deviceStorage()): RenameDraft[] {
  const drafts: RenameDraft[] = [];
  try {
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
