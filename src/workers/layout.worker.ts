import type { LayoutInput, LayoutPositions } from '../domain/layoutTypes';
import { computeLayout } from './layout';

/** Runs auto layout off the main thread: one request in, one set of positions out. */
export interface LayoutRequest {
  readonly requestId: number;
  readonly input: LayoutInput;
}
export interface LayoutResponse {
  readonly requestId: number;
  readonly positions: LayoutPositions;
}

self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const { requestId, input } = event.data;
  const response: LayoutResponse = { requestId, positions: computeLayout(input) };
  self.postMessage(response);
};
