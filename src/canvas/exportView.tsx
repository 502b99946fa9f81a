import { useEffect } from 'react';
import { useStoreApi } from '@xyflow/react';
import type { LayoutPositions } from '../domain/layoutTypes';

/** A rectangle in flow coordinates (1 unit = 1 CSS pixel at zoom 1). */
export interface FlowRegion {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** What an image export needs from the canvas, read at the moment of export. */
export interface CanvasView {
  /** Where every node is drawn right now (layout, pinned positions, a drag in progress). */
  readonly positions: LayoutPositions;
  /** The part of the map visible on screen; null before the canvas has a size. */
  readonly visible: FlowRegion | null;
}

type ReadView = () => CanvasView;

/** Set while a canvas is mounted. Read on demand, so the canvas never re-renders for export. */
let readView: ReadView | null = null;

/** The open canvas's view, or null when no canvas is mounted (e.g. the library is shown). */
export function readCanvasView(): CanvasView | null {
  return readView ? readView() : null;
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

/** Mounted inside the React Flow provider; lets exports read node positions and the viewport. */
export function CanvasViewSource() {
  const flow = useStoreApi();
  useEffect(() => {
    const read: ReadView = () => {
      const { nodeLookup, transform, width, height } = flow.getState();
      // fromEntries defines own properties: a node id like "__proto__" stays an ordinary key.
      const positions = Object.fromEntries(
        Array.from(nodeLookup, ([id, node]) => [id, node.position] as const),
      );
      return { positions, visible: visibleRegion(transform, width, height) };
    };
    readView = read;
    return () => {
      if (readView === read) readView = null;
    };
  }, [flow]);
  return null;
}
