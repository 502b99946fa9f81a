import { createAutosaver, type Autosaver } from '../db/autosave';
import { bindFlushOnHide } from '../db/flushOnHide';
import { saveMap, setLastOpenedMapId } from '../db/repository';
import type { CommonGroundDb } from '../db/schema';
import type { MapDocument } from '../domain/model';
import type { MapId } from '../domain/ids';
import { documentStore } from './documentStore';
import { sessionStore } from './sessionStore';

/** Quiet time before an edit is written: long enough to batch typing, short enough to feel saved. */
const AUTOSAVE_DELAY_MS = 400;

/**
 * Writes a map with compare-and-set on its revision: if another tab stored a newer version since
 * we loaded it, nothing is overwritten and the user is told.
 */
function revisionedSaver(db: CommonGroundDb, loadedRevision: number) {
  let revision = loadedRevision;
  return async (doc: MapDocument): Promise<void> => {
    const result = await saveMap(db, doc, revision);
    if (result.status === 'conflict') {
      throw new Error(
        'This map was changed in another tab. Reload to see the newest version; your edits here were not saved.',
      );
    }
    revision = result.summary.revision;
  };
}

/** The map open in the editor, as seen by whoever opened it. */
export interface MapSession {
  readonly mapId: MapId;
  /** Writes what is still pending, e.g. before the library lists the map or copies it. */
  flush(): Promise<void>;
  /**
   * Writes what is still pending, then stops saving. If that write fails the session stays open
   * (and keeps retrying), so closing never drops an edit.
   */
  close(): Promise<void>;
}

/**
 * Opens a stored map for editing: shows it, and saves every later change automatically
 * (debounced, flushed when the tab is hidden or closed).
 */
export function openMapSession(db: CommonGroundDb, doc: MapDocument, revision: number): MapSession {
  const session = sessionStore.getState();
  session.resetForNewMap();
  const autosaver: Autosaver<MapDocument> = createAutosaver({
    save: revisionedSaver(db, revision),
    delayMs: AUTOSAVE_DELAY_MS,
    onStatus: (status) => {
      sessionStore.getState().setSaveStatus(status);
    },
  });
  documentStore.getState().openDocument(doc);
  const unsubscribe = documentStore.subscribe((state, previous) => {
    if (state.doc && state.doc !== previous.doc) autosaver.schedule(state.doc);
  });
  const unbind = bindFlushOnHide(autosaver);
  void setLastOpenedMapId(db, doc.map.id).catch(() => undefined);
  return {
    mapId: doc.map.id,
    flush: () => autosaver.flush(),
    async close() {
      await autosaver.flush();
      unsubscribe();
      unbind();
      autosaver.dispose();
    },
  };
}
