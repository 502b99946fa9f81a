import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { moveGoals } from '../domain/commands';
import type { GoalId } from '../domain/ids';
import type { LayoutInput, LayoutPositions } from '../domain/layoutTypes';
import type { MapDocument } from '../domain/model';
import type { Orientation } from '../domain/orientation';
import { applyEdit } from '../store/applyEdit';
import { documentStore } from '../store/documentStore';
import { loadMapView, mapViewStore, selectOrientation, useMapView } from '../store/mapViewStore';
import { placeNewNodes } from '../layout/placement';
import type { LayoutRequest, LayoutResponse } from '../layout/layout.worker';
import { toLayoutInput } from './layoutInput';
import { startLayoutWorker } from './layoutWorker';
import { positionsStore, selectLayoutRequest, usePositionsStore } from './positionsStore';

/** Pinned goals by id with where they were pinned. */
type Pins = ReadonlyMap<GoalId, { readonly x: number; readonly y: number }>;

/** The layout input; a layout that releases pins lays pinned goals out as if unpinned. */
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
  const pins = new Map(
    doc.goals.flatMap((g) => (g.position?.pinned ? [[g.id, g.position] as const] : [])),
  );
  return { pins, input: { ...input, goals: input.goals.map((g) => ({ ...g, pinned: null })) } };
}

/**
 * Applies a finished layout. Released pins are dropped (one undoable edit) in the same task as
 * the new positions arrive, so React draws both in ONE render: un-pinning first would redraw the
 * whole map once at the old positions and then again at the new ones. A goal dragged elsewhere
 * while the layout ran keeps its new pin.
 */
function applyLayout(mapId: string, pins: Pins, result: LayoutResponse): void {
  const goals = documentStore.getState().doc?.goals ?? [];
  const release = new Map(
    goals.flatMap((g) => {
      const was = pins.get(g.id);
      const same = was && g.position?.pinned && g.position.x === was.x && g.position.y === was.y;
      return same ? [[g.id, null] as const] : [];
    }),
  );
  if (release.size > 0) applyEdit((d) => moveGoals(d, release));
  positionsStore.getState().setPositions(mapId, result.positions, result.routes);
}

/**
 * Runs a full layout in the worker when a map is opened (once its orientation on this device
 * has been read) and when the user asks for one.
 */
function useFullLayout(doc: MapDocument): void {
  const layoutRequest = usePositionsStore(selectLayoutRequest);
  // The layout reads the newest document but re-runs only on open and on request.
  const docRef = useRef(doc);
  useLayoutEffect(() => {
    docRef.current = doc;
  });
  const mapId = doc.map.id;
  const viewRead = useMapView((s) => s.mapId === mapId);
  useEffect(() => {
    if (!viewRead) void loadMapView(mapId);
  }, [mapId, viewRead]);
  useEffect(() => {
    if (!viewRead) return;
    const worker = startLayoutWorker();
    const { pins, input } = layoutRequestFor(
      docRef.current,
      selectOrientation(mapViewStore.getState()),
      positionsStore.getState().releasePins,
    );
    const request: LayoutRequest = { requestId: layoutRequest, input };
    worker.onmessage = (event: MessageEvent<LayoutResponse>) => {
      applyLayout(mapId, pins, event.data);
      worker.terminate();
    };
    worker.postMessage(request);
    // A superseded layout (another map opened, another request) is dropped with its worker.
    return () => worker.terminate();
  }, [mapId, layoutRequest, viewRead]);
}

/**
 * Gives every node a place: a full layout in a web worker on open and on request; nodes added
 * later are placed next to what they connect to (during render, so a new node never flashes at
 * the origin), and an edit never makes the whole map jump. `ready` is false until the first
 * layout of this map arrives.
 */
export function useAutoLayout(doc: MapDocument): { ready: boolean; positions: LayoutPositions } {
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
    if (Object.keys(added).length > 0) positionsStore.getState().mergePositions(doc.map.id, added);
  }, [added, doc.map.id]);
  return { ready, positions };
}
