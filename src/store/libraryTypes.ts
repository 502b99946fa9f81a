import type { DeletedMap, MapSummary } from '../db/repository';
import type { CommonGroundDb } from '../db/schema';
import type { MapId } from '../domain/ids';
import type { MapDocument } from '../domain/model';
import type { ImportProblem } from '../io/json';
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
  /**
   * On a first visit: shows `example` at once; then `openStorage` opens the database, and the
   * example, as it is on screen by then, is stored and edited on. Every library action queued
   * meanwhile waits for both.
   */
  startFirstVisit(example: MapDocument, openStorage: () => Promise<CommonGroundDb>): Promise<void>;
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
