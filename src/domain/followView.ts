import type { FlowBounds } from './presence';

/**
 * Following someone's view: their visible area shown on this screen, whatever the shape of
 * either. Apart from presence.ts so the canvas's part of presence loads without the parsing.
 */

/** A viewport as React Flow takes it: screen = flow × zoom + (x, y). */
export interface Viewport {
  readonly x: number;
  readonly y: number;
  readonly zoom: number;
}

/**
 * The viewport that shows all of `bounds` on a screen of `width` × `height`, as large as fits and
 * centred: the followed person's visible area, whatever the shape of either screen.
 */
export function fitBounds(
  bounds: FlowBounds,
  screen: { readonly width: number; readonly height: number },
  limits: { readonly minZoom: number; readonly maxZoom: number },
): Viewport {
  const fits = Math.min(screen.width / bounds.width, screen.height / bounds.height);
  const zoom = Math.min(limits.maxZoom, Math.max(limits.minZoom, fits));
  const cx = bounds.x + bounds.width / 2;
  const cy = bounds.y + bounds.height / 2;
  return { x: screen.width / 2 - cx * zoom, y: screen.height / 2 - cy * zoom, zoom };
}

/** The flow area a viewport shows on a screen of that size. */
export function visibleBounds(
  viewport: Viewport,
  screen: { readonly width: number; readonly height: number },
): FlowBounds {
  return {
    x: (0 - viewport.x) / viewport.zoom,
    y: (0 - viewport.y) / viewport.zoom,
    width: screen.width / viewport.zoom,
    height: screen.height / viewport.zoom,
  };
}
