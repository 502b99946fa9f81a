import type { LayoutInput, LayoutPositions } from '../domain/layoutTypes';
import type { LayoutRequest, LayoutResponse } from '../layout/layout.worker';

/** The auto-layout web worker: one request in, one set of positions out. */
export function startLayoutWorker(): Worker {
  return new Worker(new URL('../layout/layout.worker.ts', import.meta.url), { type: 'module' });
}

/**
 * Lays out a map that is not on the canvas (a version in History) off the main thread, exactly
 * as opening it would. The worker ends with the answer, or when `signal` aborts.
 */
export function layoutOffCanvas(input: LayoutInput, signal: AbortSignal): Promise<LayoutPositions> {
  const abandoned = () => new DOMException('The layout is no longer needed.', 'AbortError');
  if (signal.aborted) return Promise.reject(abandoned());
  return new Promise((resolve, reject) => {
    const worker = startLayoutWorker();
    const stop = () => {
      worker.terminate();
      reject(abandoned());
    };
    signal.addEventListener('abort', stop, { once: true });
    worker.onmessage = (event: MessageEvent<LayoutResponse>) => {
      signal.removeEventListener('abort', stop);
      worker.terminate();
      resolve(event.data.positions);
    };
    worker.onerror = (event) => {
      signal.removeEventListener('abort', stop);
      worker.terminate();
      reject(new Error(event.message || 'The layout could not be computed.'));
    };
    const request: LayoutRequest = { requestId: 0, input };
    worker.postMessage(request);
  });
}
