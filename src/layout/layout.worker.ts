import type { LinkRoutes } from '../domain/routeGeometry';
import type { LayoutInput, LayoutPositions } from '../domain/layoutTypes';
import { computeLayout, routeLinks } from './layout';

/** Runs auto layout off the main thread: one request in, positions and link routes out. */
export interface LayoutRequest {
  readonly requestId: number;
  readonly input: LayoutInput;
}
export interface LayoutResponse {
  readonly requestId: number;
  readonly positions: LayoutPositions;
  /** The links' routes around boxes, for those positions (routing a big map takes a while). */
  readonly routes: LinkRoutes;
}

self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const { requestId, input } = event.data;
  const positions = computeLayout(input);
  const response: LayoutResponse = { requestId, positions, routes: routeLinks(input, positions) };
  self.postMessage(response);
};
