import { useEffect } from 'react';
import { useReactFlow, useStoreApi } from '@xyflow/react';
import { createStore, useStore } from 'zustand';
import type { LinkRoutes } from '../domain/edgeRoutes';
import type { LayoutPositions } from '../domain/layoutTypes';
import type { MapDocument } from '../domain/model';
import type { Orientation } from '../domain/orientation';
import { documentStore } from '../store/documentStore';
import { mapViewStore } from '../store/mapViewStore';
import { FIT_ALL } from './fitOptions';
import { positionsStore } from './positionsStore';

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

type ReadView = () => CanvasView;

/**
 * How to read the view, set while a laid-out canvas is mounted (null while the map is still laid
 * out, or the library is shown). Read on demand, so the canvas never re-renders for export.
 */
const viewSource = createStore<{ readonly read: ReadView | null }>()(() => ({ read: null }));

/** The reader of the canvas view; components re-render when a canvas appears or goes. */
export function useCanvasViewReader(): ReadView | null {
  return useStore(viewSource, (s) => s.read);
}

/** Set by relayoutAndFit until the fresh layout is on the canvas. */
let fitAfterLayout = false;

/** Lays the open map out afresh and shows all of it once the layout arrives. */
export function relayoutAndFit(options?: { readonly releasePins?: boolean }): void {
  fitAfterLayout = true;
  positionsStore.getState().requestLayout(options);
}

/** The contents an import's replace switches between; undo and redo lay each out afresh too. */
let replacement: { readonly before: MapDocument; readonly after: MapDocument } | null = null;

/**
 * After the open map's content was replaced wholesale (an import): lays it out afresh, as when a
 * map is opened, and shows all of it once the layout arrives. Undo brings back content whose
 * positions the canvas no longer has, so returning to either version is laid out the same way.
 */
export function showReplacedContent(before: MapDocument, after: MapDocument): void {
  replacement = { before, after };
  relayoutAndFit();
}

/** Undo and redo restore the very document objects, so identity tells the two versions apart. */
function useRelayoutOnUndoOfReplace(): void {
  useEffect(
    () =>
      documentStore.subscribe(({ doc }, previous) => {
        if (replacement === null || doc === previous.doc) return;
        if (doc === replacement.before || doc === replacement.after) relayoutAndFit();
        // Another map opened: its history has nothing to do with the replaced content.
        else if (doc?.map.id !== replacement.after.map.id) replacement = null;
      }),
    [],
  );
}

/**
 * A full layout answers for exactly the map's nodes; positions merged in for new nodes still hold
 * the old content's, so this tells the fresh layout from the placement that precedes it.
 */
function isFullLayoutOf(doc: MapDocument | null, positions: LayoutPositions): boolean {
  if (!doc) return false;
  const ids = [...doc.goals.map((g) => g.id), ...doc.stakeholders.map((s) => s.id)];
  return (
    Object.keys(positions).length === ids.length && ids.every((id) => Object.hasOwn(positions, id))
  );
}

/** The open canvas's view, or null when no canvas is mounted (e.g. the library is shown). */
export function readCanvasView(): CanvasView | null {
  return viewSource.getState().read?.() ?? null;
}

/**
 * Turns the viewport transform into the rectangle of flow coordinates it shows:
 * screen = flow × zoom + translate, so flow = (screen − translate) / zoom.
 */
export function visibleRegion(
  [x, y, zoom]: readonly [number, number, number],
  width: number,
  height: number,
): FlowRegion | null {
  if (!(width > 0 && height > 0 && zoom > 0)) return null;
  return { x: -x / zoom, y: -y / zoom, width: width / zoom, height: height / zoom };
}

function useFitAfterLayout(): void {
  const { fitView } = useReactFlow();
  useEffect(
    () =>
      positionsStore.subscribe(({ positions }, previous) => {
        if (!fitAfterLayout || positions === previous.positions) return;
        if (!isFullLayoutOf(documentStore.getState().doc, positions)) return;
        fitAfterLayout = false;
        // React Flow queues the fit until the moved nodes reach it.
        void fitView(FIT_ALL);
      }),
    [fitView],
  );
}

/**
 * Mounted inside the React Flow provider: lets exports read node positions and the viewport, and
 * fits the view after an import replaced the map's content.
 */
export function CanvasViewSource() {
  useFitAfterLayout();
  useRelayoutOnUndoOfReplace();
  const flow = useStoreApi();
  useEffect(() => {
    const read: ReadView = () => {
      const { nodeLookup, transform, width, height } = flow.getState();
      // fromEntries defines own properties: a node id like "__proto__" stays an ordinary key.
      const positions = Object.fromEntries(
        Array.from(nodeLookup, ([id, node]) => [id, node.position] as const),
      );
      const { routes } = positionsStore.getState();
      const { orientation } = mapViewStore.getState();
      const visible = visibleRegion(transform, width, height);
      return { positions, visible, linkRoutes: routes, orientation };
    };
    viewSource.setState({ read });
    return () => {
      if (viewSource.getState().read === read) viewSource.setState({ read: null });
    };
  }, [flow]);
  return null;
}
