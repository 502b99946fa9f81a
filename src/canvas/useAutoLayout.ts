import { useApp } from '../store/appContext';
import type { App } from '../store/app';
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { moveNodes } from '../domain/commands';
import type { LayoutInput, LayoutNodeInput, LayoutPositions } from '../domain/layoutTypes';
import type { MapDocument, Position } from '../domain/model';
import { goalNodeId, nodeId, stakeholderNodeId, type NodeKind } from '../domain/nodeIds';
import { applyEdit } from '../store/applyEdit';
import type { Orientation } from '../domain/orientation';
import { loadMapView, selectOrientation, useMapView } from '../store/mapViewStore';
import { placeNewNodes } from '../layout/placement';
import type { LayoutRequest, LayoutResponse } from '../layout/layout.worker';
import { toLayoutInput } from './layoutInput';
import { startLayoutWorker } from './layoutWorker';
import { selectLayoutRequest, usePositionsStore } from '../store/positionsStore';

interface Pin {
  readonly x: number;
  readonly y: number;
}
/** Pinned goals and people by node id with where they were pinned. */
type Pins = ReadonlyMap<string, Pin>;
type Placed = { readonly id: string; readonly position: Position | null };

/** The layout input; a layout that releases pins lays pinned nodes out as if unpinned. */
function layoutRequestFor(
  doc: MapDocument,
  orientation: Orientation,
  releasePins: boolean,
): { pins: Pins; input: LayoutInput } {
  // The map is shaped to fit the window (the canvas takes most of it).
  const input = {
    ...toLayoutInput(doc, orientation),
    aspect: window.innerWidth / window.innerHeight,
  };
  if (!releasePins) return { pins: new Map(), input };
  const pins = new Map<string, Pin>();
  for (const g of doc.goals) if (g.position?.pinned) pins.set(goalNodeId(g.id), g.position);
  for (const s of doc.stakeholders) {
    if (s.position?.pinned) pins.set(stakeholderNodeId(s.id), s.position);
  }
  const unpin = (n: LayoutNodeInput) => ({ ...n, pinned: null });
  const { goals, stakeholders } = input;
  return {
    pins,
    input: { ...input, goals: goals.map(unpin), stakeholders: stakeholders.map(unpin) },
  };
}

/** The nodes still pinned where they were when the layout was asked for, each mapped to null. */
function releasedPins<T extends Placed>(
  kind: NodeKind,
  nodes: readonly T[],
  pins: Pins,
): Map<T['id'], null> {
  const released = new Map<T['id'], null>();
  for (const { id, position } of nodes) {
    const was = pins.get(nodeId(kind, id));
    if (was && position?.pinned && position.x === was.x && position.y === was.y) {
      released.set(id, null);
    }
  }
  return released;
}

/**
 * Applies a finished layout. Released pins are dropped (one undoable edit) in the same task as
 * the new positions arrive, so React draws both in ONE render: un-pinning first would redraw the
 * whole map once at the old positions and then again at the new ones. A goal or person dragged
 * elsewhere while the layout ran keeps its new pin.
 */
function applyLayout(app: App, mapId: string, pins: Pins, result: LayoutResponse): void {
  const doc = app.documentStore.getState().doc;
  const goals = releasedPins('goal', doc?.goals ?? [], pins);
  const stakeholders = releasedPins('stakeholder', doc?.stakeholders ?? [], pins);
  if (goals.size > 0 || stakeholders.size > 0) {
    applyEdit(app, (d) => moveNodes(d, { goals, stakeholders }));
  }
  app.positionsStore.getState().setPositions(mapId, result.positions, result.routes);
}

/**
 * Runs a full layout in the worker when a map is opened (once its orientation on this device
 * has been read) and when the user asks for one.
 */
function useFullLayout(doc: MapDocument): void {
  const app = useApp();
  const layoutRequest = usePositionsStore(selectLayoutRequest);
  // The layout reads the newest document but re-runs only on open and on request.
  const docRef = useRef(doc);
  useLayoutEffect(() => {
    docRef.current = doc;
  });
  const mapId = doc.map.id;
  const viewRead = useMapView((s) => s.mapId === mapId);
  useEffect(() => {
    if (!viewRead) void loadMapView(app, mapId);
  }, [mapId, viewRead, app]);
  useEffect(() => {
    if (!viewRead) return;
    const worker = startLayoutWorker();
    const { pins, input } = layoutRequestFor(
      docRef.current,
      selectOrientation(app.mapViewStore.getState()),
      app.positionsStore.getState().releasePins,
    );
    const request: LayoutRequest = { requestId: layoutRequest, input };
    worker.onmessage = (event: MessageEvent<LayoutResponse>) => {
      applyLayout(app, mapId, pins, event.data);
      worker.terminate();
    };
    worker.postMessage(request);
    // A superseded layout (another map opened, another request) is dropped with its worker.
    return () => worker.terminate();
  }, [mapId, layoutRequest, viewRead, app]);
}

/**
 * Gives every node a place: a full layout in a web worker on open and on request; nodes added
 * later are placed next to what they connect to (during render, so a new node never flashes at
 * the origin), and an edit never makes the whole map jump. `ready` is false until the first
 * layout of this map arrives.
 */
export function useAutoLayout(doc: MapDocument): { ready: boolean; positions: LayoutPositions } {
  const app = useApp();
  useFullLayout(doc);
  const laidOutMap = usePositionsStore((s) => s.mapId);
  const stored = usePositionsStore((s) => s.positions);
  const orientation = useMapView(selectOrientation);
  const ready = laidOutMap === doc.map.id;
  const added = useMemo(
    () => (ready ? placeNewNodes(toLayoutInput(doc, orientation), stored) : {}),
    [doc, orientation, stored, ready],
  );
  const positions = useMemo(() => ({ ...stored, ...added }), [stored, added]);
  useEffect(() => {
    // Remembered, so the next edit finds these nodes placed and leaves them where they are.
    if (Object.keys(added).length > 0)
      app.positionsStore.getState().mergePositions(doc.map.id, added);
  }, [added, doc.map.id, app]);
  return { ready, positions };
}
