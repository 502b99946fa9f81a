import { useEffect, useMemo, useRef, useState } from 'react';
import type { LayoutInput, LayoutPositions } from '../domain/layoutTypes';
import type { MapDocument } from '../domain/model';
import type { LayoutRequest, LayoutResponse } from '../workers/layout.worker';
import { layoutKey, toLayoutInput } from './layoutInput';

function startLayoutWorker(): Worker {
  return new Worker(new URL('../workers/layout.worker.ts', import.meta.url), { type: 'module' });
}

/**
 * Positions for every node, computed in a web worker whenever the structure changes. Until the
 * first answer arrives `ready` is false and the canvas shows a calm loading state, not a pile of
 * nodes at the origin.
 */
export function useAutoLayout(doc: MapDocument): { positions: LayoutPositions; ready: boolean } {
  const input: LayoutInput = useMemo(() => toLayoutInput(doc), [doc]);
  const key = useMemo(() => layoutKey(input), [input]);
  const [result, setResult] = useState<{ key: string; positions: LayoutPositions } | null>(null);
  const workerRef = useRef<Worker | null>(null);
  const requestRef = useRef(0);

  useEffect(() => {
    const worker = startLayoutWorker();
    workerRef.current = worker;
    return () => {
      worker.terminate();
      workerRef.current = null;
    };
  }, []);

  useEffect(() => {
    const worker = workerRef.current;
    if (!worker) return;
    const requestId = ++requestRef.current;
    const onMessage = (event: MessageEvent<LayoutResponse>) => {
      // Answers to superseded requests are dropped: only the newest structure is drawn.
      if (event.data.requestId === requestRef.current) {
        setResult({ key, positions: event.data.positions });
      }
    };
    worker.addEventListener('message', onMessage);
    const request: LayoutRequest = { requestId, input };
    worker.postMessage(request);
    return () => worker.removeEventListener('message', onMessage);
    // `key` stands for `input`: the effect re-runs only when the layout-relevant structure changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  return { positions: result?.positions ?? {}, ready: result !== null };
}
