import type { StoreApi } from 'zustand';
import { createAutosaver, type Autosaver, type SaveStatus } from '../db/autosave';
import { bindOnLeave, bindOnShow } from '../db/flushOnHide';
import { clearJournal, journalKey, writeJournal } from '../db/leaveJournal';
import { getStoredRevision, setLastOpenedMapId } from '../db/repository';
import type { CommonGroundDb } from '../db/schema';
import { watchStoredRevision } from '../db/watch';
import type { MapDocument } from '../domain/model';
import type { MapId } from '../domain/ids';
import type { MergeClash } from '../domain/merge';
import { createMapSync, type StopReason, type StoredVersion } from './mapSync';
import { createSerial } from './serial';
import type { App } from './app';
import type { SessionState, StorageAlert } from './sessionStore';

/** Quiet time before an edit is written: long enough to batch typing, short enough to feel saved. */
const AUTOSAVE_DELAY_MS = 400;

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
  /** Writes what is pending (if it can), then never writes again: another tab upgrades the database. */
  suspend(): Promise<void>;
  /** After two tabs' edits could not be combined: this tab's version is stored over the other's. */
  keepThisVersion(): void;
  /** After two tabs' edits could not be combined: the other tab's version is shown (undoable). */
  takeOtherVersion(): void;
}

/**
 * Shows the autosave's status; while the session is open, a failed write raises the storage
 * alert and the next successful one clears it.
 */
function reportStatus(
  sessionStore: StoreApi<SessionState>,
  isOpen: () => boolean,
): (status: SaveStatus) => void {
  const alert = (next: StorageAlert | null) => sessionStore.getState().setStorageAlert(next);
  return (status) => {
    sessionStore.getState().setSaveStatus(status);
    if (!isOpen()) return;
    if (status.state === 'error') {
      alert({ kind: 'write-failed', message: status.error, quota: status.quota });
    } else if (
      status.state === 'saved' &&
      sessionStore.getState().storageAlert?.kind === 'write-failed'
    ) {
      alert(null);
    }
  };
}

/** Another tab's version was merged in: say so only when both changed the same thing. */
function reportMerge(
  sessionStore: StoreApi<SessionState>,
  clashes: readonly MergeClash[],
  merged: MapDocument,
): void {
  if (clashes.length === 0) return;
  sessionStore.getState().showNotice({ kind: 'info', text: describeClashes(clashes, merged) });
}

/**
 * When the tab is hidden or the page goes away: the pending edits go to the journal at once (a
 * write to IndexedDB started now may be dropped with the page), then the normal write starts.
 */
function bindLeave(
  autosaver: Pick<Autosaver<MapDocument>, 'flush' | 'unsaved'>,
  journal: string,
  baseRevision: () => number,
): () => void {
  return bindOnLeave(() => {
    const unsaved = autosaver.unsaved();
    if (unsaved) writeJournal(journal, unsaved.value, baseRevision());
    // A failed write is already reported by the autosaver's onStatus and kept for a retry.
    autosaver.flush().catch(() => undefined);
  });
}

/** What makes the session look again at what is stored: pages hidden and shown, other tabs' writes. */
function bindWatches(
  db: CommonGroundDb,
  mapId: MapId,
  checkStored: (revision: number | null) => void,
): (() => void)[] {
  return [
    // Reading after a watch error or a missed message is harmless: it is compare-only.
    watchStoredRevision(db, mapId, checkStored, () => undefined),
    bindOnShow(() => {
      void getStoredRevision(db, mapId).then(checkStored, () => undefined);
    }),
  ];
}

function describeClashes(clashes: readonly MergeClash[], doc: MapDocument): string {
  const titles = clashes.flatMap(({ list, id }) => {
    if (list === 'goals') return doc.goals.filter((g) => g.id === id).map((g) => g.title);
    if (list === 'stakeholders')
      return doc.stakeholders.filter((s) => s.id === id).map((s) => s.name);
    if (list === 'conflicts') return doc.conflicts.filter((c) => c.id === id).map((c) => c.title);
    return list === 'map' ? [doc.map.name] : [];
  });
  const named = titles.length > 0 ? ` (${titles.map((t) => `“${t}”`).join(', ')})` : '';
  return `This map was also changed in another tab; both sets of changes are kept. Where both changed the same thing${named}, this tab’s version was kept.`;
}

/**
 * Opens a stored map for editing: shows it, and saves every later change automatically
 * (debounced, flushed when the tab is hidden or closed), in step with other tabs that have the
 * same map open. `shown` is this map as the editor already shows it (a first visit's example,
 * drawn before storage opened): it stays on screen, with its selection and undo history, and
 * is saved (a map not stored yet is stored by that save).
 */
export function openMapSession(
  app: App,
  db: CommonGroundDb,
  { doc, revision }: StoredVersion,
  shown: MapDocument | null = null,
): MapSession {
  const { documentStore, sessionStore } = app;
  const alert = (next: StorageAlert | null) => sessionStore.getState().setStorageAlert(next);
  if (!shown) sessionStore.getState().resetForNewMap();
  sessionStore.getState().setSaveStatus(null);
  alert(null);
  /** Stopped sessions stay on screen (edits are said to be unsaved) until closed. */
  let state: 'open' | 'paused' | StopReason | 'suspended' = 'open';
  const serial = createSerial();

  const isLive = () => state === 'open' || state === 'paused';
  const journal = journalKey(doc.map.id, app.tabId);
  const report = reportStatus(sessionStore, () => state === 'open');
  const sync = createMapSync({ db, documentStore }, doc.map.id, { doc, revision }, isLive, {
    stop: (reason, detail) => {
      stop(reason, detail);
      if (reason === 'deleted') {
        // The library lists the map gone by itself: it watches every tab's writes.
        alert({ kind: 'deleted-elsewhere', mapName: documentStore.getState().doc?.map.name ?? '' });
      } else alert({ kind: 'unreadable-elsewhere', message: detail });
    },
    diverge: (message) => {
      state = 'paused';
      alert({ kind: 'diverged', message });
    },
    merged: (clashes, merged) => {
      reportMerge(sessionStore, clashes, merged);
    },
  });

  const autosaver = createAutosaver<MapDocument>({
    save: (value) =>
      serial(async () => {
        if (state === 'paused') throw new Error('Choose which version of the map to keep.');
        if (state !== 'open') throw new Error('This tab no longer saves this map.');
        await sync.write(value);
      }),
    delayMs: AUTOSAVE_DELAY_MS,
    onStatus: (status) => {
      // Once everything is stored, what a leaving page wrote to the journal is out of date.
      if (status.state === 'saved') clearJournal(journal);
      report(status);
    },
  });

  const checkStored = (revisionNow: number | null): void => {
    if (state === 'open')
      void serial(() => sync.revisionChanged(revisionNow)).catch(() => undefined);
  };
  const unbinds = [
    bindLeave(autosaver, journal, () => sync.stored().revision),
    ...bindWatches(db, doc.map.id, checkStored),
  ];

  if (!shown) documentStore.getState().openDocument(doc);
  // Once stopped (but still on screen), an edit is said to be unsaved instead of being scheduled.
  let stoppedBecause: string | null = null;
  const unsubscribe = documentStore.subscribe((now, previous) => {
    if (!now.doc || now.doc === previous.doc) return;
    if (stoppedBecause === null) autosaver.schedule(now.doc);
    else
      sessionStore
        .getState()
        .setSaveStatus({ state: 'error', error: stoppedBecause, quota: false });
  });

  function stop(
    reason: StopReason | 'suspended',
    because = 'This tab no longer saves this map.',
  ): void {
    state = reason;
    stoppedBecause = because;
    for (const unbind of unbinds) unbind();
    autosaver.dispose();
    if (reason === 'closed') unsubscribe();
  }

  if (shown) autosaver.schedule(shown);
  void setLastOpenedMapId(db, doc.map.id).catch(() => undefined);
  return {
    mapId: doc.map.id,
    flush: () => autosaver.flush(),
    async close() {
      if (isLive()) await autosaver.flush();
      stop('closed');
      alert(null);
    },
    async suspend() {
      const saved = await autosaver.flush().then(
        () => state === 'open',
        () => false,
      );
      stop('suspended', 'A newer version of Common Ground opened in another tab: reload to go on.');
      alert({ kind: 'upgraded-elsewhere', saved });
    },
    keepThisVersion() {
      if (state !== 'paused') return;
      state = 'open';
      alert(null);
      const current = documentStore.getState().doc;
      if (current) autosaver.schedule(current);
    },
    takeOtherVersion() {
      if (state !== 'paused') return;
      state = 'open';
      alert(null);
      documentStore.getState().adopt(sync.stored().doc);
    },
  };
}
