import type { StoreApi } from 'zustand';
import type { CommonGroundDb } from '../db/schema';
import { newId } from '../domain/ids';
import type { StorageManagerLike } from '../db/storageHealth';
import { createBackupStore, type BackupData } from './backupStore';
import { createCanvasViewStore, type CanvasViewState } from './canvasViewStore';
import { createDocumentStore, type DocumentStore } from './documentStore';
import { createHistoryStore, type HistoryData } from './historyData';
import { createImportStore, type ImportStep } from './importStepStore';
import { createLibraryStore } from './libraryStore';
import { createMapViewStore, type MapViewState } from './mapViewStore';
import { createRoomFollower, type RoomFollower } from './roomActions';
import { createRoomStore, type RoomState } from './roomStore';
import type { LibraryState } from './libraryTypes';
import { createPositionsStore, type PositionsState } from './positionsStore';
import { createSessionStore, type SessionState } from './sessionStore';
import { createStorageHealthStore, type StorageHealthState } from './storageHealth';
import { createUpdateStore, type UpdateState } from './updateStore';
import { createWorkshopStore, type WorkshopState } from './workshopStore';

/**
 * One running app: its database, its clock and every store, made together and handed to the UI
 * by React context (appContext.ts). Nothing in the store layer is a module-level singleton, so a
 * test (or a second app in one page) builds a fresh app instead of resetting modules.
 */
export interface App {
  /**
   * The database, once open. On a first visit it opens after the first map is drawn (Dexie's
   * code is not on that map's way; see app/boot.ts), so everything that stores waits for it.
   */
  readonly db: Promise<CommonGroundDb>;
  /** This page load, among the tabs that may leave unsaved edits behind (see db/leaveJournal.ts). */
  readonly tabId: string;
  /** The ISO time edits and stored rows are stamped with. */
  readonly clock: () => string;
  readonly documentStore: DocumentStore;
  readonly sessionStore: StoreApi<SessionState>;
  readonly libraryStore: StoreApi<LibraryState>;
  readonly backupStore: StoreApi<BackupData>;
  readonly historyStore: StoreApi<HistoryData>;
  readonly importStore: StoreApi<ImportStep>;
  readonly positionsStore: StoreApi<PositionsState>;
  /** How the open map is drawn on this device (its orientation); never in the document. */
  readonly mapViewStore: StoreApi<MapViewState>;
  readonly canvasViewStore: StoreApi<CanvasViewState>;
  readonly storageHealthStore: StoreApi<StorageHealthState>;
  readonly updateStore: StoreApi<UpdateState>;
  readonly workshopStore: StoreApi<WorkshopState>;
  /** The open map's room as the toolbar shows it (nothing while the map is not shared). */
  readonly roomStore: StoreApi<RoomState>;
  /** Starts the room of a shared map when the editor opens it, and stops it. */
  readonly roomFollower: RoomFollower;
}

export interface AppOptions {
  readonly db: CommonGroundDb | Promise<CommonGroundDb>;
  readonly clock?: () => string;
  /** The browser's storage manager (navigator.storage when left out). */
  readonly storage?: StorageManagerLike;
}

export function createApp({
  db,
  clock = () => new Date().toISOString(),
  storage,
}: AppOptions): App {
  const app: App = {
    db: Promise.resolve(db),
    tabId: newId('tab'),
    clock,
    documentStore: createDocumentStore({ now: clock }),
    sessionStore: createSessionStore(),
    // The library reaches the rest of the app through `app` once it is complete.
    libraryStore: createLibraryStore(() => app),
    backupStore: createBackupStore(),
    historyStore: createHistoryStore(),
    importStore: createImportStore(),
    positionsStore: createPositionsStore(),
    mapViewStore: createMapViewStore(),
    canvasViewStore: createCanvasViewStore(),
    storageHealthStore: createStorageHealthStore(storage),
    updateStore: createUpdateStore(),
    workshopStore: createWorkshopStore(),
    roomStore: createRoomStore(),
    roomFollower: createRoomFollower(() => app),
  };
  return app;
}
