import { createStore, useStore } from 'zustand';
import { useApp } from './appContext';
import type { LinkRoutes } from '../domain/routeGeometry';
import type { LayoutPositions } from '../domain/layoutTypes';

/**
 * Where unpinned nodes are drawn: the result of auto layout plus the places new nodes were put
 * since. View state, like the viewport: never saved and never undone (pinned goals and people
 * carry their own position in the document).
 */
export interface PositionsState {
  readonly positions: LayoutPositions;
  /** The links' routes the last full layout found (links of nodes placed since have none). */
  readonly routes: LinkRoutes;
  /** The map the positions belong to; positions of another map are never shown. */
  readonly mapId: string | null;
  /** Bumped to ask for a fresh full layout (the Auto layout button). */
  readonly layoutRequest: number;
  /** Whether the requested layout also hands pinned goals back to auto layout (until it lands). */
  readonly releasePins: boolean;
  setPositions(mapId: string, positions: LayoutPositions, routes: LinkRoutes): void;
  mergePositions(mapId: string, positions: LayoutPositions): void;
  requestLayout(options?: { readonly releasePins?: boolean }): void;
}

export const createPositionsStore = () =>
  createStore<PositionsState>()((set) => ({
    positions: {},
    routes: {},
    mapId: null,
    layoutRequest: 0,
    releasePins: false,
    setPositions: (mapId, positions, routes) => {
      set({ mapId, positions, routes, releasePins: false });
    },
    mergePositions: (mapId, positions) => {
      set((s) => ({
        mapId,
        positions: s.mapId === mapId ? { ...s.positions, ...positions } : positions,
        routes: s.mapId === mapId ? s.routes : {},
      }));
    },
    requestLayout: (options) => {
      set((s) => ({ layoutRequest: s.layoutRequest + 1, releasePins: !!options?.releasePins }));
    },
  }));

export function usePositionsStore<T>(selector: (s: PositionsState) => T): T {
  return useStore(useApp().positionsStore, selector);
}

export const selectLayoutRequest = (s: PositionsState): number => s.layoutRequest;
