import { useApp } from '../store/appContext';
import { useEffect, useRef } from 'react';
import { useReactFlow, useStore, type ReactFlowState } from '@xyflow/react';
import type { MapFlowNode } from './adapters';
import { boundsOfBoxes, openingViewportIn, type Rect } from './fitOptions';

/** Room left around a framed group, as a share of the screen. */
const FRAME_PADDING = 0.06;

const selectWidth = (s: ReactFlowState): number => s.width;
const selectHeight = (s: ReactFlowState): number => s.height;

const boxOf = (n: MapFlowNode): Rect => ({
  x: n.position.x,
  y: n.position.y,
  width: n.width ?? 0,
  height: n.height ?? 0,
});

/**
 * The first view of a laid-out map, once per canvas (see openingViewport), unless the canvas
 * opens on a frame (workshop mode, a common-ground view), which then decides the view.
 */
function useOpeningView(nodes: readonly MapFlowNode[], framing: boolean): void {
  const app = useApp();
  const { setViewport } = useReactFlow();
  const width = useStore(selectWidth);
  const height = useStore(selectHeight);
  const done = useRef(false);
  useEffect(() => {
    if (done.current || !(width > 0 && height > 0) || nodes.length === 0) return;
    done.current = true;
    if (framing) return;
    const shown = nodes.filter((n) => !n.hidden);
    const map = boundsOfBoxes(shown.map(boxOf));
    const goals = shown.filter((n) => n.type === 'goal');
    // The first level of the tree: its top row, or its left column when it runs left to right.
    const { orientation } = app.mapViewStore.getState();
    const along = orientation === 'leftRight' ? 'x' : 'y';
    const first = Math.min(...goals.map((n) => n.position[along]));
    const top = boundsOfBoxes(goals.filter((n) => n.position[along] === first).map(boxOf)) ?? map;
    if (!map || !top) return;
    void setViewport(openingViewportIn(orientation, map, top, { width, height }));
  }, [nodes, framing, width, height, setViewport, app]);
}

/**
 * Frames `ids` (the parties, the goals on their paths and the goal they meet at) whenever they
 * change; an edit elsewhere (a person added, a title typed) leaves the camera alone.
 */
function useFrame(ids: readonly string[] | null, maxZoom: number): void {
  const { fitView } = useReactFlow();
  const key = ids === null ? null : ids.join('\n');
  useEffect(() => {
    if (key === null) return;
    const nodes = key.split('\n').map((id) => ({ id }));
    // React Flow queues the fit until the nodes have reached it.
    void fitView({ nodes, duration: 500, padding: FRAME_PADDING, maxZoom });
  }, [key, fitView, maxZoom]);
}

/**
 * Where the camera goes: the opening view when a map is shown, and the frame of a common-ground
 * view or workshop walk whenever it changes.
 */
export function Camera({
  nodes,
  frame,
  maxZoom,
}: {
  readonly nodes: readonly MapFlowNode[];
  readonly frame: readonly string[] | null;
  readonly maxZoom: number;
}) {
  useOpeningView(nodes, frame !== null);
  useFrame(frame, maxZoom);
  return null;
}
