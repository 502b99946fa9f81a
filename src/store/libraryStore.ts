import { createStore, useStore, type StoreApi } from 'zustand';
import type { DeletedMap, MapSummary } from '../db/repository';
import type { MapId } from '../domain/ids';
import type { ImportProblem } from '../io/json';
import * as actions from './libraryActions';
import { createSerial } from './serial';
import { sessionStore } from './sessionStore';
import type { StartingPoint } from './startingPoints';

/** The editor (canvas and panels of the open map) or the library of all maps, never both. */
export type LibraryView = 'editor' | 'library';

export interface LibraryEntry {
  readonly summary: MapSummary;
  /** Why the stored map cannot be opened; empty when it opens (or was not tried yet). */
  readonly problems: readonly ImportProblem[];
}

export interface LibraryData {
  readonly view: LibraryView;
  /** False until the first listing arrives, so the library never flashes its empty state. */
  readonly listed: boolean;
  /** Most recently edited first. */
  readonly maps: readonly LibraryEntry[];
  /** The map in the editor; null when none is (it was deleted, or no map could be opened). */
  readonly openMapId: MapId | null;
  /** The map deleted last, kept so that "Undo delete" puts it back exactly as it was. */
  readonly pendingDelete: DeletedMap | null;
}

export interface LibraryState extends LibraryData {
  /** On start: the last-opened map, else the newest map that opens, else the library. */
  start(): Promise<void>;
  /** Shows the library, listing every map with what the open map's latest edits changed. */
  showLibrary(): Promise<void>;
  /** Back to the open map, if there is one. */
  showEditor(): void;
  refresh(): Promise<void>;
  openMap(id: MapId): Promise<void>;
  createMap(from: StartingPoint): Promise<void>;
  renameMap(id: MapId, name: string): Promise<void>;
  duplicateMap(id: MapId): Promise<void>;
  deleteMap(id: MapId): Promise<void>;
  undoDelete(): Promise<void>;
  /** Writes the open map's pending edits now; rejects if that write failed (nothing is dropped). */
  flush(): Promise<void>;
  /** Stores the open map again after another tab deleted it. */
  restoreOpenMap(): Promise<void>;
  /** Two tabs' edits could not be combined: store this tab's version over the other's. */
  keepThisVersion(): void;
  /** Two tabs' edits could not be combined: show the other tab's version (undo brings this one back). */
  takeOtherVersion(): void;
  /** Another tab upgrades the database: write what is pending, then stop writing. */
  suspendForUpgrade(): Promise<void>;
  /** The stored file of a map as it is on disk, valid or not. */
  readRawMap(id: MapId): Promise<unknown>;
}

export interface LibraryStoreOptions {
  readonly now?: () => string;
}

function reportFailure(what: string, error: unknown): void {
  const reason = error instanceof Error && error.message ? error.message : String(error);
  sessionStore.getState().showNotice({ kind: 'error', text: `${what}: ${reason}` });
}

/** Library actions touch storage and the open session; one at a time keeps them from racing. */
function createQueue(): (what: string, task: () => Promise<void>) => Promise<void> {
  const serial = createSerial();
  return (what, task) =>
    serial(task).catch((error: unknown) => {
      reportFailure(what, error);
    });
}

export function createLibraryStore({
  now = () => new Date().toISOString(),
}: LibraryStoreOptions = {}): StoreApi<LibraryState> {
  const exclusive = createQueue();
  return createStore<LibraryState>()((set, get) => {
    const ctx: actions.LibraryContext = {
      get,
      set,
      now,
      undoDelete: () => void get().undoDelete(),
      session: null,
      problemsById: new Map(),
      checkedRevisions: new Map(),
      unwatch: null,
    };
    return {
      // Until a map is open there is nothing to edit: the library shows what to do next.
      view: 'library',
      listed: false,
      maps: [],
      openMapId: null,
      pendingDelete: null,
      start: () => exclusive('Could not open your maps', () => actions.start(ctx)),
      showLibrary: () => exclusive('Could not save the open map', () => actions.showLibrary(ctx)),
      showEditor: () => {
        if (get().openMapId) set({ view: 'editor' });
      },
      refresh: () => exclusive('Could not list your maps', () => actions.refresh(ctx)),
      openMap: (id) => exclusive('Could not open the map', () => actions.openMap(ctx, id)),
      createMap: (from) =>
        exclusive('Could not create the map', () => actions.createMap(ctx, from)),
      renameMap: (id, name) =>
        exclusive('Could not rename the map', () => actions.renameMap(ctx, id, name)),
      duplicateMap: (id) =>
        exclusive('Could not duplicate the map', () => actions.duplicateMap(ctx, id)),
      deleteMap: (id) => exclusive('Could not delete the map', () => actions.deleteMap(ctx, id)),
      undoDelete: () => exclusive('Could not restore the map', () => actions.undoDelete(ctx)),
      // Not queued: a caller about to reload must hear of a failed write, which the queue reports and swallows.
      flush: async () => {
        await ctx.session?.flush();
      },
      restoreOpenMap: () =>
        exclusive('Could not restore the map', () => actions.restoreOpenMap(ctx)),
      keepThisVersion: () => ctx.session?.keepThisVersion(),
      takeOtherVersion: () => ctx.session?.takeOtherVersion(),
      suspendForUpgrade: () => actions.suspendForUpgrade(ctx),
      readRawMap: actions.readRawMap,
    };
  });
}

export const selectView = (s: LibraryState): LibraryView => s.view;
export const selectMaps = (s: LibraryState): readonly LibraryEntry[] => s.maps;
export const selectListed = (s: LibraryState): boolean => s.listed;
export const selectOpenMapId = (s: LibraryState): MapId | null => s.openMapId;

/** The app's one library store. */
export const libraryStore = createLibraryStore();

export function useLibraryStore<T>(selector: (state: LibraryState) => T): T {
  return useStore(libraryStore, selector);
}
