import { createStore, useStore } from 'zustand';
import { getOrientation, setOrientation } from '../db/mapView';
import type { MapId } from '../domain/ids';
import { DEFAULT_ORIENTATION, type Orientation } from '../domain/orientation';
import { getDatabase } from './database';
import { sessionStore } from './sessionStore';

/**
 * How the open map is drawn on this device (its orientation), read from storage when the map is
 * shown and written back when the user switches it. View state: never in the document or undo.
 */
export interface MapViewState {
  /** The map the view belongs to; null until a map's view has been read. */
  readonly mapId: MapId | null;
  readonly orientation: Orientation;
}

export const mapViewStore = createStore<MapViewState>()(() => ({
  mapId: null,
  orientation: DEFAULT_ORIENTATION,
}));

export function useMapView<T>(selector: (s: MapViewState) => T): T {
  return useStore(mapViewStore, selector);
}

export const selectOrientation = (s: MapViewState): Orientation => s.orientation;

/** The map whose view was asked for last: an earlier read that answers late is dropped. */
let wanted: MapId | null = null;

/** Reads the map's view from storage; an unreadable one shows the map top-down. */
export async function loadMapView(mapId: MapId): Promise<void> {
  wanted = mapId;
  const orientation = await getOrientation(getDatabase(), mapId).catch(() => DEFAULT_ORIENTATION);
  if (wanted === mapId) mapViewStore.setState({ mapId, orientation });
}

/**
 * Switches the map's orientation at once and stores it; a failed write keeps the switch for
 * this visit and says it will not be remembered.
 */
export function changeOrientation(mapId: MapId, orientation: Orientation): void {
  wanted = mapId;
  mapViewStore.setState({ mapId, orientation });
  setOrientation(getDatabase(), mapId, orientation).catch(() => {
    sessionStore.getState().showNotice({
      kind: 'error',
      text: 'The map’s orientation could not be saved on this device; it applies until the map is closed.',
    });
  });
}
