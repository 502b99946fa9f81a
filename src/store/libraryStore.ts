import {
  claimStarterMaps,
  type LoadResult,
  type MapSummary,
  createMap as storeNewMap,
  deleteMap as removeStoredMap,
  duplicateMap as copyStoredMap,
  getLastOpenedMapId,
  listMaps,
  loadMap,
  renameMap as renameStoredMap,
  readStoredFile,
  restoreMap,
  UNSAVED_REVISION,
} from '../db/repository';
import { clearRenameDraft, keepRenameDraft, readRenameDrafts } from '../db/renameDrafts';
import type { CommonGroundDb } from '../db/schema';
import { watchLibrary } from '../db/watch';
import { renameMap as renameCommand } from '../domain/commands';
import type { MapId } from '../domain/ids';
import type { MapDocument } from '../domain/model';
import { describeError } from '../domain/result';
import { formatProblem, type ImportProblem } from '../io/json';
import { problem } from '../io/problems';
import type { App } from './app';
import { useApp } from './appContext';
import type { LibraryEntry, LibraryState, LibraryView } from './libraryTypes';
import { openMapSession, type MapSession } from './mapSession';
import { createSerial } from './serial';
import { newMapDocument, type StartingPoint } from './startingPoints';
import { createStore, useStore, type StoreApi } from 'zustand';

function reportFailure(app: App, what: string, error: unknown): void {
  const reason = error instanceof Error && error.message ? error.message : String(error);
  app.sessionStore.getState().showNotice({ kind: 'error', text: `${what}: ${reason}` });
}

/** Library actions touch storage and the open session; one at a time keeps them from racing. */
function createQueue(app: () => App): (what: string, task: () => Promise<void>) => Promise<void> {
  const serial = createSerial();
  return (what, task) =>
    serial(task).catch((error: unknown) => {
      reportFailure(app(), what, error);
    });
}

/**
 * The library: the list of stored maps and what is done to them (open, create, rename, duplicate,
 * delete, restore), with the autosaving session of the open map. `app` reaches the database and
 * the other stores of the same app.
 */
export function createLibraryStore(app: () => App): StoreApi<LibraryState> {
  const exclusive = createQueue(app);
  return createStore<LibraryState>()((set, get) => {
    /** The autosaving session of the open map: behaviour, not something any screen renders. */
    let session: MapSession | null = null;
    /** Why a stored map could not be opened, so the library keeps saying so after a refresh. */
    const problemsById = new Map<MapId, readonly ImportProblem[]>();
    /** The revision each stored map was last validated at, so a background check reads it once. */
    const checkedRevisions = new Map<MapId, number>();
    /** Stops the live listing of the library (other tabs' changes). */
    let unwatch: (() => void) | null = null;
    const notify = (kind: 'error' | 'info', text: string): void => {
      app().sessionStore.getState().showNotice({ kind, text });
    };

    function showListing(summaries: readonly MapSummary[]): void {
      const maps = summaries.map((summary) => ({
        summary,
        problems: problemsById.get(summary.id) ?? [],
      }));
      set({ maps, listed: true });
    }

    async function refresh(): Promise<void> {
      showListing(await listMaps(await app().db));
    }

    /** Remembers why a map cannot be opened and says so; the stored map is never overwritten. */
    function reportUnopenable(id: MapId, problems: readonly ImportProblem[]) {
      problemsById.set(id, problems);
      set(({ maps }) => ({
        maps: maps.map((m) => (m.summary.id === id ? { ...m, problems } : m)),
      }));
      const name = get().maps.find((m) => m.summary.id === id)?.summary.name ?? 'A stored map';
      const first = problems[0];
      const detail = first ? ` (${formatProblem(first)})` : '';
      notify(
        'error',
        `“${name}” cannot be opened${detail}. It was set aside unchanged: Maps lists it, and you can export its raw JSON from there.`,
      );
    }

    /**
     * Switches the editor to another map. The open one is written first; if that fails it stays
     * open (the error says why), so switching never drops an edit.
     */
    async function openDocument(doc: MapDocument, revision: number) {
      await session?.close();
      session = openMapSession(app(), await app().db, { doc, revision });
      set({ openMapId: doc.map.id, view: 'editor' });
      // A shared map works offline as well: its room connects when it can and never holds up opening.
      app()
        .roomFollower.follow(doc.map.id)
        .catch((error: unknown) => {
          notify('error', `The room of this map could not be started: ${describeError(error)}`);
        });
    }

    /** Opens a stored map; false (and reported) when it is missing or fails validation. */
    async function openStored(id: MapId): Promise<boolean> {
      if (id === get().openMapId) {
        set({ view: 'editor' });
        return true;
      }
      const loaded = await loadMap(await app().db, id);
      checkedRevisions.set(id, loaded.status === 'ok' ? loaded.revision : -1);
      if (loaded.status !== 'ok') {
        reportUnopenable(id, problemsOf(loaded));
        return false;
      }
      problemsById.delete(id);
      await openDocument(loaded.doc, loaded.revision);
      const repaired = loaded.warnings[0];
      if (repaired) {
        notify(
          'info',
          `“${loaded.doc.map.name}” was repaired on opening: ${formatProblem(repaired)}`,
        );
      }
      return true;
    }

    async function openMap(id: MapId): Promise<void> {
      await openStored(id);
    }

    /**
     * Reads every stored map once (again after another tab changes it) so that one that fails
     * validation is set aside and said so before anyone tries to open it. The open map is skipped:
     * this tab wrote it from a valid document.
     */
    async function checkStoredMaps(): Promise<void> {
      for (const { summary } of get().maps) {
        const { id, revision } = summary;
        if (id === get().openMapId || checkedRevisions.get(id) === revision) continue;
        checkedRevisions.set(id, revision);
        const loaded = await loadMap(await app().db, id);
        if (loaded.status === 'ok') problemsById.delete(id);
        else if (!problemsById.has(id)) reportUnopenable(id, problemsOf(loaded));
      }
    }

    const problemsOf = (loaded: Exclude<LoadResult, { status: 'ok' }>): readonly ImportProblem[] =>
      loaded.status === 'invalid'
        ? loaded.problems
        : [problem('', 'Its contents are missing from storage.')];

    /** Lists the library live: what other tabs create, rename or delete shows up here at once. */
    function watchMaps(db: CommonGroundDb): void {
      unwatch?.();
      unwatch = watchLibrary(
        db,
        (summaries) => {
          showListing(summaries);
          void checkStoredMaps().catch(() => undefined);
        },
        // A closed database (another tab upgraded it) ends the listing; the alert says why.
        () => undefined,
      );
    }

    /** Stores the names typed in the library whose write a reload dropped (db/renameDrafts.ts). */
    async function renameAsTyped(): Promise<void> {
      for (const draft of readRenameDrafts()) {
        const listed = get().maps.find((m) => m.summary.id === draft.mapId)?.summary;
        if (listed && listed.name !== draft.name) await renameMap(listed.id, draft.name);
        clearRenameDraft(draft);
      }
    }

    /** The last-opened map, else the newest map that opens; with none, the library stays. */
    async function start(): Promise<void> {
      const db = await app().db;
      const last = await getLastOpenedMapId(db);
      await refresh();
      await renameAsTyped();
      const listed = get().maps.map((m) => m.summary.id);
      const candidates = [
        ...listed.filter((id) => id === last),
        ...listed.filter((id) => id !== last),
      ];
      for (const id of candidates) {
        if (await openStored(id)) break;
      }
      watchMaps(db);
    }

    /** A first visit shows its example map at once, before storage opens (see openFirst). */
    function showFirst(example: MapDocument): void {
      app().documentStore.getState().openDocument(example);
      // A map new to this device has no view stored: it is drawn top-down without reading one.
      app().mapViewStore.getState().showNew(example.map.id);
      // Not stored until storage opens and the first save lands: said so meanwhile.
      app().sessionStore.getState().setSaveStatus({ state: 'pending' });
      set({ openMapId: example.map.id, view: 'editor' });
    }

    /**
     * Once storage is open (`db`: the app's own waits for this), the example a first visit shows
     * becomes the open map as it is on screen (edited meanwhile or not, its undo history and
     * selection kept), and is stored at once by the editor's save, with the retries, alert and
     * leave journal every save has (a tab that stored the example first is merged with).
     */
    async function openFirst(example: MapDocument, db: CommonGroundDb): Promise<void> {
      const unsaved = { doc: example, revision: UNSAVED_REVISION };
      const opened = openMapSession(app(), db, unsaved, app().documentStore.getState().doc);
      // A new database holds no room: there is none to follow.
      session = opened;
      // A failed save says so itself (the storage alert) and is tried again.
      await opened.flush().catch(() => undefined);
      await claimStarterMaps(db, example.map.id);
      showListing(await listMaps(db));
      watchMaps(db);
    }

    async function createMap(from: StartingPoint): Promise<void> {
      const db = await app().db;
      const taken = (await listMaps(db)).map((m) => m.name);
      const doc = await newMapDocument(from, taken, app().clock());
      const saved = await storeNewMap(db, doc);
      // A fresh id cannot already be stored: a conflict here is a bug, not a user error.
      if (saved.status !== 'saved') throw new Error(`Map ${doc.map.id} already exists.`);
      await openDocument(doc, saved.summary.revision);
      await refresh();
    }

    async function renameMap(id: MapId, raw: string): Promise<void> {
      const name = raw.trim();
      if (name === '') {
        notify('error', 'A map needs a name.');
        return;
      }
      const open = session;
      if (open && id === open.mapId) {
        // Through the document store, so the editor's title follows and the rename can be undone.
        const error = app()
          .documentStore.getState()
          .apply((doc) => renameCommand(doc, name));
        if (error) notify('error', error.message);
        await open.flush();
      } else {
        const before = get().maps.find((m) => m.summary.id === id)?.summary.name;
        const renamed = await renameStoredMap(await app().db, id, name, app().clock());
        if (renamed.status === 'invalid') reportUnopenable(id, renamed.problems);
        else if (before !== undefined && before !== name) offerUndoRename(id, before, name);
      }
      await refresh();
    }

    /**
     * A map that is not open has no undo history of its own: the notice is the way back. It puts
     * the name back only while the map still has the name given here.
     */
    function offerUndoRename(id: MapId, before: string, after: string): void {
      // Queued like every library action, so it never runs in the middle of another.
      const undo = () =>
        exclusive('Could not rename the map', async () => {
          const now = get().maps.find((m) => m.summary.id === id)?.summary.name;
          if (now === after) await renameMap(id, before);
        });
      app()
        .sessionStore.getState()
        .showNotice({
          kind: 'info',
          text: `Renamed “${before}” to “${after}”.`,
          action: { label: 'Undo rename', run: () => void undo() },
        });
    }

    async function duplicateMap(id: MapId): Promise<void> {
      // The copy must include the open map's latest edits.
      if (session && id === session.mapId) await session.flush();
      const copied = await copyStoredMap(await app().db, id, app().clock());
      if (copied.status === 'invalid') reportUnopenable(id, copied.problems);
      await refresh();
    }

    async function deleteMap(id: MapId): Promise<void> {
      if (id === get().openMapId) {
        // Written before deleting, so that undo brings back the map with its latest edits.
        await session?.close();
        session = null;
        await app().roomFollower.follow(null);
        set({ openMapId: null, view: 'library' });
      }
      const deleted = await removeStoredMap(await app().db, id);
      problemsById.delete(id);
      set({ pendingDelete: deleted });
      if (deleted) {
        app()
          .sessionStore.getState()
          .showNotice({
            kind: 'info',
            text: `Deleted “${deleted.summary.name}”.`,
            action: { label: 'Undo delete', run: () => void get().undoDelete() },
          });
      }
      await refresh();
    }

    async function undoDelete(): Promise<void> {
      const deleted = get().pendingDelete;
      if (!deleted) return;
      await restoreMap(await app().db, deleted);
      set({ pendingDelete: null });
      await refresh();
    }

    /** Lists the maps with the open map's latest edits written, so its counts and time are current. */
    async function showLibrary(): Promise<void> {
      set({ view: 'library' });
      try {
        await session?.flush();
      } finally {
        // Even when the open map could not be written, the library must list what is stored.
        await refresh();
      }
    }

    /**
     * "Restore this map" after another tab deleted the open map: the version in this tab is stored
     * again under its id. If the other tab brought it back meanwhile (undo delete), this tab's version
     * becomes an edit of that one, so undo shows the difference.
     */
    async function restoreOpenMap(): Promise<void> {
      const current = app().documentStore.getState().doc;
      if (!current || current.map.id !== get().openMapId) return;
      const db = await app().db;
      const saved = await storeNewMap(db, current);
      if (saved.status === 'saved') {
        await openDocument(current, saved.summary.revision);
      } else {
        const loaded = await loadMap(db, current.map.id);
        if (loaded.status !== 'ok') throw new Error('The map is stored again but cannot be read.');
        await openDocument(loaded.doc, loaded.revision);
        app().documentStore.getState().adopt(current);
      }
      notify('info', `Restored “${current.map.name}”.`);
      await refresh();
    }

    /** Another tab runs a newer version of the app: write what is pending, then stop for good. */
    async function suspendForUpgrade(): Promise<void> {
      unwatch?.();
      unwatch = null;
      await session?.suspend();
    }

    /** The stored file of a map exactly as it is on disk, valid or not (for "Export raw JSON"). */
    async function readRawMap(id: MapId): Promise<unknown> {
      return readStoredFile(await app().db, id);
    }

    return {
      // Until a map is open there is nothing to edit: the library shows what to do next.
      view: 'library',
      listed: false,
      maps: [],
      openMapId: null,
      pendingDelete: null,
      start: () => exclusive('Could not open your maps', () => start()),
      startFirstVisit: (example, openStorage) => {
        showFirst(example);
        return exclusive('Could not open your maps', async () => {
          await openFirst(example, await openStorage());
        });
      },
      showLibrary: () => exclusive('Could not save the open map', () => showLibrary()),
      showEditor: () => {
        if (get().openMapId) set({ view: 'editor' });
      },
      refresh: () => exclusive('Could not list your maps', () => refresh()),
      openMap: (id) => exclusive('Could not open the map', () => openMap(id)),
      createMap: (from) => exclusive('Could not create the map', () => createMap(from)),
      renameMap: (id, name) => {
        // Kept on this device at once: a page reloaded before the write lands would drop it.
        const draft = { mapId: id, name: name.trim() };
        if (draft.name !== '') keepRenameDraft(draft);
        return exclusive('Could not rename the map', () => renameMap(id, name)).finally(() => {
          clearRenameDraft(draft);
        });
      },
      duplicateMap: (id) => exclusive('Could not duplicate the map', () => duplicateMap(id)),
      deleteMap: (id) => exclusive('Could not delete the map', () => deleteMap(id)),
      undoDelete: () => exclusive('Could not restore the map', () => undoDelete()),
      // Not queued: a caller about to reload must hear of a failed write, which the queue reports and swallows.
      flush: async () => {
        await session?.flush();
      },
      restoreOpenMap: () => exclusive('Could not restore the map', () => restoreOpenMap()),
      keepThisVersion: () => session?.keepThisVersion(),
      takeOtherVersion: () => session?.takeOtherVersion(),
      suspendForUpgrade: () => suspendForUpgrade(),
      readRawMap,
    };
  });
}

export const selectView = (s: LibraryState): LibraryView => s.view;
export const selectMaps = (s: LibraryState): readonly LibraryEntry[] => s.maps;
export const selectListed = (s: LibraryState): boolean => s.listed;
export const selectOpenMapId = (s: LibraryState): MapId | null => s.openMapId;

export function useLibraryStore<T>(selector: (state: LibraryState) => T): T {
  return useStore(useApp().libraryStore, selector);
}
