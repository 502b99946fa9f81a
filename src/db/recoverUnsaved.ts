import { asMapId } from '../domain/ids';
import type { MapDocument } from '../domain/model';
import { isSameContent } from '../domain/sameValue';
import type { KeyValueStorage } from './deviceStorage';
import { clearJournal, readJournal, type JournalEntry } from './leaveJournal';
import { loadMapInTransaction, saveMap, UNSAVED_REVISION } from './repository';
import type { CommonGroundDb } from './schema';
import { takeSnapshot } from './snapshots';
import { loadStoredMapReader, readStoredMapNow } from './storedMapReader';
import { mapTables } from './tables';

/** What became of edits a tab left behind when it went away before saving them. */
export type Recovery =
  /** Stored as the map's next version: as if the tab had finished saving. */
  | { readonly kind: 'stored'; readonly mapName: string }
  /** The map changed since (another tab); the edits are a version in History instead. */
  | { readonly kind: 'kept-in-history'; readonly mapName: string }
  /** The save had landed after all. */
  | { readonly kind: 'already-stored' }
  /** Nothing could be done with them; `reason` says why. */
  | { readonly kind: 'dropped'; readonly reason: string };

function readEntry(entry: JournalEntry): MapDocument | null {
  const imported = readStoredMapNow(entry.file);
  if (!imported.ok || imported.value.doc.map.id !== entry.mapId) return null;
  return imported.value.doc;
}

/** One entry, in one transaction: the stored map and what becomes of the edits change together. */
function recoverEntry(
  db: CommonGroundDb,
  entry: JournalEntry,
  doc: MapDocument,
): Promise<Recovery> {
  return db.transaction('rw', mapTables(db), async (): Promise<Recovery> => {
    const stored = await loadMapInTransaction(db, asMapId(entry.mapId));
    const name = doc.map.name;
    if (stored.status === 'missing') {
      if (entry.baseRevision !== UNSAVED_REVISION) {
        return {
          kind: 'dropped',
          reason: `“${name}” was deleted before its last edits were saved`,
        };
      }
      // Never stored at all (a first visit's example whose first save did not land): stored now.
      await saveMap(db, doc, UNSAVED_REVISION);
      return { kind: 'stored', mapName: name };
    }
    if (stored.status === 'invalid') {
      return { kind: 'dropped', reason: `“${name}” is stored in a form this version cannot read` };
    }
    if (stored.revision === entry.baseRevision) {
      await saveMap(db, doc, entry.baseRevision);
      return { kind: 'stored', mapName: name };
    }
    if (isSameContent(stored.doc, doc)) return { kind: 'already-stored' };
    await takeSnapshot(db, doc, 'recovered');
    return { kind: 'kept-in-history', mapName: name };
  });
}

/**
 * On start, before any map opens: stores the edits tabs left behind (leaveJournal.ts). An entry
 * is removed only once it was dealt with, so a failure here leaves it for the next start.
 */
export async function recoverUnsavedEdits(
  db: CommonGroundDb,
  storage?: KeyValueStorage | null,
): Promise<Recovery[]> {
  const recoveries: Recovery[] = [];
  const journal = readJournal(storage);
  if (journal.length > 0) await loadStoredMapReader();
  for (const { key, entry } of journal) {
    const doc = entry ? readEntry(entry) : null;
    const recovery: Recovery =
      entry && doc
        ? await recoverEntry(db, entry, doc)
        : { kind: 'dropped', reason: 'edits left by a closed tab could not be read' };
    clearJournal(key, storage);
    recoveries.push(recovery);
  }
  return recoveries;
}
