import { createStore, useStore } from 'zustand';
import { getOrientation, setOrientation } from '../db/mapView';
import type { CommonGroundDb } from '../db/schema';
import type { MapId } from '../domain/ids';
import { DEFAULT_ORIENTATION, type Orientation } from '../domain/orientation';
import type { App } from './app';
import { useApp } from './appContext';

/**
 * How the open map is drawn on this device (its orientation), read from storage when the map is
 * shown and written back when the user switches it. View state: never in the document or undo.
 */
export interface MapViewState {
  /** The map the view belongs to; null until a map's view has been read. */
  readonly mapId: MapId | null;
  readonly orientation: Orientation;
  /** Reads the map's view from `db` once open; an unreadable one shows the map top-down. */
  load(db: Promise<CommonGroundDb>, mapId: MapId): Promise<void>;
  /** A map new to this device (nothing stored yet) is drawn top-down, without a read. */
  showNew(mapId: MapId): void;
  /**
   * Switches the map's orientation at once and stores it in `db`; if that write fails the switch
   * holds for this visit and `unsaved` says it will not be remembered.
   */
  change(
    db: Promise<CommonGroundDb>,
    mapId: MapId,
    orientation: Orientation,
    unsaved: () => void,
  ): void;
}

export const createMapViewStore = () => {
  /** The map whose view was asked for last: an earlier read that answers late is dropped. */
  let wanted: MapId | null = null;
  return createStore<MapViewState>()((set) => ({
    mapId: null,
    orientation: DEFAULT_ORIENTATION,
    load: async (db, mapId) => {
      wanted = mapId;
      const orientation = await db
        .then((open) => getOrientation(open, mapId))
        .catch(() => DEFAULT_ORIENTATION);
      if (wanted === mapId) set({ mapId, orientation });
    },
    showNew: (mapId) => {
      wanted = mapId;
      set({ mapId, orientation: DEFAULT_ORIENTATION });
    },
    change: (db, mapId, orientation, unsaved) => {
      wanted = mapId;
      set({ mapId, orientation });
      db.then((open) => setOrientation(open, mapId, orientation)).catch(unsaved);
    },
  }));
};

export function useMapView<T>(selector: (s: MapViewState) => T): T {
  return useStore(useApp().mapViewStore, selector);
}

export const selectOrientation = (s: MapViewState): Orientation => s.orientation;

/** Reads the open map's view from the app's database. */
export function loadMapView(app: App, mapId: MapId): Promise<void> {
  return app.mapViewStore.getState().load(app.db, mapId);
}

/** Switches the open map's orientation, remembered in the app's database. */
export function changeOrientation(app: App, mapId: MapId, orientation: Orientation): void {
  app.mapViewStore.getState().change(app.db, mapId, orientation, () => {
    app.sessionStore.getState().showNotice({
      kind: 'error',
      text: 'The map’s orientation could not be saved on this device; it applies until the map is closed.',
    });
  });
}
