import { createStore, useStore } from 'zustand';
import { useApp } from './appContext';
import type { LinkRoutes } from '../domain/routeGeometry';
import type { LayoutPositions } from '../domain/layoutTypes';
import type { MapDocument } from '../domain/model';
import type { Orientation } from '../domain/orientation';

/** A rectangle in flow coordinates (1 unit = 1 CSS pixel at zoom 1). */
export interface FlowRegion {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** What an image export needs from the canvas, read at the moment of export. */
export interface CanvasView {
  /** Where every node is drawn right now (layout, pinned positions, a drag in progress). */
  readonly positions: LayoutPositions;
  /** The part of the map visible on screen; null before the canvas has a size. */
  readonly visible: FlowRegion | null;
  /** The links' routes as the canvas draws them (from the last full layout). */
  readonly linkRoutes: LinkRoutes;
  /** Which way the tree runs, so edges a picture routes afresh join the boxes as on screen. */
  readonly orientation: Orientation;
}

export type ReadView = () => CanvasView;

/** The contents an import's replace switches between; undo and redo lay each out afresh too. */
export interface Replacement {
  readonly before: MapDocument;
  readonly after: MapDocument;
}

/** What the canvas shares with exports and imports (canvas/exportView.tsx keeps it). */
export interface CanvasViewState {
  /**
   * How to read the view, set while a laid-out canvas is mounted (null while the map is still
   * laid out, or the library is shown). Read on demand, so the canvas never re-renders for export.
   */
  readonly read: ReadView | null;
  /** Set when replaced content is laid out afresh, until the fresh layout is on the canvas. */
  readonly fitAfterLayout: boolean;
  readonly replacement: Replacement | null;
}

export const createCanvasViewStore = () =>
  createStore<CanvasViewState>()(() => ({ read: null, fitAfterLayout: false, replacement: null }));

/** The reader of the canvas view; components re-render when a canvas appears or goes. */
export function useCanvasViewReader(): ReadView | null {
  return useStore(useApp().canvasViewStore, (s) => s.read);
}
