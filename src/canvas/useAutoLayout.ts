import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import type { LayoutPositions } from '../domain/layoutTypes';
import type { MapDocument } from '../domain/model';
import { placeNewNodes } from '../workers/placement';
import type { LayoutRequest, LayoutResponse } from '../workers/layout.worker';
import { toLayoutInput } from './layoutInput';
import { startLayoutWorker } from './layoutWorker';
import { positionsStore, selectLayoutRequest, usePositionsStore } from './positionsStore';

/** Runs a full layout in the worker when a map is opened and when the user asks for one. */
function useFullLayout(doc: MapDocument): void {
  const layoutRequest = usePositionsStore(selectLayoutRequest);
  // The layout reads the newest document but re-runs only on open and on request.
  const docRef = useRef(doc);
  useLayoutEffect(() => {
    docRef.current = doc;
  });
  const mapId = doc.map.id;
  useEffect(() => {
    const worker = startLayoutWorker();
    const request: LayoutRequest = {
      requestId: layoutRequest,
      input: toLayoutInput(docRef.current),
    };
    worker.onmessage = (event: MessageEvent<LayoutResponse>) => {
      positionsStore.getState().setPositions(mapId, event.data.positions);
      worker.terminate();
    };
    worker.postMessage(request);
    // A superseded layout (another map opened, another request) is dropped with its worker.
    return () => worker.terminate();
  }, [mapId, layoutRequest]);
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
  const ready = laidOutMap === doc.map.id;
  const added = useMemo(
    () => (ready ? placeNewNodes(toLayoutInput(doc), stored) : {}),
    [doc, stored, ready],
  );
  const positions = useMemo(() => ({ ...stored, ...added }), [stored, added]);
  useEffect(() => {
    // Remembered, so the next edit finds these nodes placed and leaves them where they are.
    if (Object.keys(added).length > 0) positionsStore.getState().mergePositions(doc.map.id, added);
  }, [added, doc.map.id]);
  return { ready, positions };
}
