import { transposeRect, type Orientation } from '../domain/orientation';

/** "Fit view" (button and F key): the whole map, never zoomed in beyond life size. */
export const FIT_ALL = { duration: 300, padding: 0.08, maxZoom: 1 } as const;

/**
 * The first view of a map shows all of it when that zoom is at least this. Below it, even the
 * large titles that objectives keep zoomed out (about 13 px on screen, over 2.4 box widths) get
 * fewer than about 14 characters a line, so the first view shows the top of the tree at this zoom
 * instead and the minimap shows the rest.
 */
export const OPENING_MIN_ZOOM = 0.2;
/** Room left around the map in the first view, as a share of the screen on each side. */
const OPENING_PADDING = 0.04;
/** The canvas toolbar floats over the top of the canvas: the top of the tree starts below it. */
const TOOLBAR_CLEARANCE = 96;

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface Viewport {
  readonly x: number;
  readonly y: number;
  readonly zoom: number;
}

/** The smallest rectangle around `boxes`; null when there are none. */
export function boundsOfBoxes(boxes: readonly Rect[]): Rect | null {
  if (boxes.length === 0) return null;
  let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const b of boxes) {
    left = Math.min(left, b.x);
    top = Math.min(top, b.y);
    right = Math.max(right, b.x + b.width);
    bottom = Math.max(bottom, b.y + b.height);
  }
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/**
 * Where the camera starts on a map (screen = flow × zoom + translate): the whole map, centred,
 * when it fits at OPENING_MIN_ZOOM or more (never beyond life size); otherwise the top of the
 * tree at that zoom, with `top` (the goals of the top row) centred across the screen as far as
 * the map's edges allow.
 */
export function openingViewport(
  map: Rect,
  top: Rect,
  screen: { readonly width: number; readonly height: number },
): Viewport {
  const room = 1 - 2 * OPENING_PADDING;
  const fit = Math.min(
    (screen.width * room) / Math.max(1, map.width),
    (screen.height * room) / Math.max(1, map.height),
    1,
  );
  if (fit >= OPENING_MIN_ZOOM) {
    return {
      x: screen.width / 2 - (map.x + map.width / 2) * fit,
      y: screen.height / 2 - (map.y + map.height / 2) * fit,
      zoom: fit,
    };
  }
  const zoom = OPENING_MIN_ZOOM;
  const halfView = screen.width / 2 / zoom;
  const pad = (screen.width * OPENING_PADDING) / zoom;
  const centre = Math.min(
    Math.max(top.x + top.width / 2, map.x - pad + halfView),
    map.x + map.width + pad - halfView,
  );
  return {
    x: screen.width / 2 - centre * zoom,
    y: TOOLBAR_CLEARANCE - map.y * zoom,
    zoom,
  };
}

/**
 * The opening view for a map drawn in `orientation`: left to right, the same view of the
 * transposed picture on a transposed screen, turned back, so a large map opens on the left of
 * its tree (its first column, `top`, centred down the screen) instead of its top.
 */
export function openingViewportIn(
  orientation: Orientation,
  map: Rect,
  top: Rect,
  screen: { readonly width: number; readonly height: number },
): Viewport {
  if (orientation === 'topDown') return openingViewport(map, top, screen);
  const turned = { width: screen.height, height: screen.width };
  const view = openingViewport(transposeRect(map), transposeRect(top), turned);
  // screen = flow × zoom + translate holds axis by axis, so the translation swaps too.
  return { x: view.y, y: view.x, zoom: view.zoom };
}
