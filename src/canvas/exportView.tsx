import { useApp } from '../store/appContext';
import type { App } from '../store/app';
import { useEffect } from 'react';
import { useReactFlow, useStoreApi } from '@xyflow/react';
import type { LayoutPositions } from '../domain/layoutTypes';
import type { MapDocument } from '../domain/model';
import { goalNodeId, stakeholderNodeId } from '../domain/nodeIds';
import type { CanvasView, FlowRegion, ReadView } from '../store/canvasViewStore';
import { FIT_ALL } from './fitOptions';

/** Lays the open map out afresh and shows all of it once the layout arrives. */
export function relayoutAndFit(app: App, options?: { readonly releasePins?: boolean }): void {
  app.canvasViewStore.setState({ fitAfterLayout: true });
  app.positionsStore.getState().requestLayout(options);
}

/**
 * After the open map's content was replaced wholesale (an import): lays it out afresh, as when a
 * map is opened, and shows all of it once the layout arrives. Undo brings back content whose
 * positions the canvas no longer has, so returning to either version is laid out the same way.
 */
export function showReplacedContent(app: App, before: MapDocument, after: MapDocument): void {
  app.canvasViewStore.setState({ replacement: { before, after } });
  relayoutAndFit(app);
}

/** Undo and redo restore the very document objects, so identity tells the two versions apart. */
function useRelayoutOnUndoOfReplace(): void {
  const app = useApp();
  useEffect(
    () =>
      app.documentStore.subscribe(({ doc }, previous) => {
        const { replacement } = app.canvasViewStore.getState();
        if (replacement === null || doc === previous.doc) return;
        if (doc === replacement.before || doc === replacement.after) relayoutAndFit(app);
        // Another map opened: its history has nothing to do with the replaced content.
        else if (doc?.map.id !== replacement.after.map.id) {
          app.canvasViewStore.setState({ replacement: null });
        }
      }),
    [app],
  );
}

/**
 * A full layout answers for exactly the map's nodes; positions merged in for new nodes still hold
 * the old content's, so this tells the fresh layout from the placement that precedes it.
 */
function isFullLayoutOf(doc: MapDocument | null, positions: LayoutPositions): boolean {
  if (!doc) return false;
  const ids = [
    ...doc.goals.map((g) => goalNodeId(g.id)),
    ...doc.stakeholders.map((s) => stakeholderNodeId(s.id)),
  ];
  return (
    Object.keys(positions).length === ids.length && ids.every((id) => Object.hasOwn(positions, id))
  );
}

/** The open canvas's view, or null when no canvas is mounted (e.g. the library is shown). */
export function readCanvasView(app: App): CanvasView | null {
  return app.canvasViewStore.getState().read?.() ?? null;
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
  const app = useApp();
  const { fitView } = useReactFlow();
  useEffect(
    () =>
      app.positionsStore.subscribe(({ positions }, previous) => {
        if (!app.canvasViewStore.getState().fitAfterLayout) return;
        if (positions === previous.positions) return;
        if (!isFullLayoutOf(app.documentStore.getState().doc, positions)) return;
        app.canvasViewStore.setState({ fitAfterLayout: false });
        // React Flow queues the fit until the moved nodes reach it.
        void fitView(FIT_ALL);
      }),
    [fitView, app],
  );
}

/**
 * Mounted inside the React Flow provider: lets exports read node positions and the viewport, and
 * fits the view after an import replaced the map's content.
 */
export function CanvasViewSource() {
  useFitAfterLayout();
  useRelayoutOnUndoOfReplace();
  const app = useApp();
  const flow = useStoreApi();
  useEffect(() => {
    const read: ReadView = () => {
      const { nodeLookup, transform, width, height } = flow.getState();
      // fromEntries defines own properties: a node id like "__proto__" stays an ordinary key.
      const positions = Object.fromEntries(
        Array.from(nodeLookup, ([id, node]) => [id, node.position] as const),
      );
      const { routes } = app.positionsStore.getState();
      const { orientation } = app.mapViewStore.getState();
      const visible = visibleRegion(transform, width, height);
      return { positions, visible, linkRoutes: routes, orientation };
    };
    const views = app.canvasViewStore;
    views.setState({ read });
    return () => {
      if (views.getState().read === read) views.setState({ read: null });
    };
  }, [flow, app]);
  return null;
}
