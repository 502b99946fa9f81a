import type { MapId } from '../domain/ids';
import type { MapDocument } from '../domain/model';
import { toFileObject } from '../io/json/document';
import { deviceStorage } from './deviceStorage';

/**
 * The last resort for edits made just before a tab is closed or reloaded. An IndexedDB write
 * started while the page goes away is dropped by the browser when the page is torn down, so the
 * map's unsaved version is also written, synchronously, to localStorage; the next start stores it
 * (see recoverUnsavedEdits). One entry per tab and map, removed once a save succeeds.
 */

const PREFIX = 'common-ground:unsaved:';

/** What a tab leaves behind: the unsaved version and the stored revision it was based on. */
export interface JournalEntry {
  readonly key: string;
  readonly mapId: string;
  readonly baseRevision: number;
  /** The map in the file format; read back through the validating importer. */
  readonly file: unknown;
}

/** A tab's own key for a map, so two tabs leaving at once do not overwrite each other's entry. */
export const journalKey = (mapId: MapId, tabId: string): string => `${PREFIX}${mapId}:${tabId}`;

/** Writes the entry; false when it could not be kept (no storage, or the map is too big for it). */
export function writeJournal(
  key: string,
  doc: MapDocument,
  baseRevision: number,
  storage = deviceStorage(),
): boolean {
  if (!storage) return false;
  try {
    const entry = { mapId: doc.map.id, baseRevision, file: toFileObject(doc) };
    storage.setItem(key, JSON.stringify(entry));
    return true;
  } catch {
    return false;
  }
}

export function clearJournal(key: string, storage = deviceStorage()): void {
  storage?.removeItem(key);
}

function parseEntry(key: string, text: string | null): JournalEntry | null {
  if (text === null) return null;
  try {
    const data: unknown = JSON.parse(text);
    if (typeof data !== 'object' || data === null) return null;
    const mapId: unknown = Reflect.get(data, 'mapId');
    const baseRevision: unknown = Reflect.get(data, 'baseRevision');
    if (typeof mapId !== 'string' || typeof baseRevision !== 'number') return null;
    if (!Number.isInteger(baseRevision)) return null;
    return { key, mapId, baseRevision, file: Reflect.get(data, 'file') };
  } catch {
    return null;
  }
}

/** Every entry tabs left behind; unreadable ones are listed as null so they can be removed. */
export function readJournal(
  storage = deviceStorage(),
): { readonly key: string; readonly entry: JournalEntry | null }[] {
  if (!storage) return [];
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(PREFIX)) keys.push(key);
  }
  return keys.map((key) => ({ key, entry: parseEntry(key, storage.getItem(key)) }));
}
