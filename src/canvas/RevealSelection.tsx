import { useEffect, useRef } from 'react';
import { useReactFlow, useStore, type ReactFlowState } from '@xyflow/react';

const selectSize = (s: ReactFlowState) => ({ width: s.width, height: s.height });
const selectDomNode = (s: ReactFlowState) => s.domNode;

interface Box {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}
const overlaps = (a: Box, b: Box): boolean =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/**
 * The zoom buttons and the minimap, in the canvas's own pixels: a node under them is on screen
 * but cannot be seen or clicked.
 */
function overlayBoxes(canvas: HTMLElement | null): Box[] {
  if (!canvas) return [];
  const origin = canvas.getBoundingClientRect();
  return [...canvas.querySelectorAll('.react-flow__controls, .react-flow__minimap')].map((e) => {
    const r = e.getBoundingClientRect();
    return {
      left: r.left - origin.left,
      top: r.top - origin.top,
      right: r.right - origin.left,
      bottom: r.bottom - origin.top,
    };
  });
}
// nodeLookup is updated in place; the nodes array is replaced, so it signals new nodes.
const selectNodes = (s: ReactFlowState) => s.nodes;

/**
 * Keeps a newly selected node on screen: a goal added below its parent, or a person picked from a
 * panel, may sit outside the view or under the zoom buttons or the minimap; the camera glides to
 * it at the current zoom. Each selection is
 * checked once per place it takes (a node added this instant is checked as soon as React Flow
 * knows it, and again when placement moves it from where it first appeared), so the user can
 * still pan away from a selected node.
 */
export function RevealSelection({ selectedIds }: { selectedIds: ReadonlySet<string> }) {
  const { getViewport, setCenter } = useReactFlow();
  const { width, height } = useStore(selectSize);
  const nodes = useStore(selectNodes);
  const canvas = useStore(selectDomNode);
  const { getInternalNode } = useReactFlow();
  const checked = useRef<string | null>(null);
  useEffect(() => {
    checked.current = null;
  }, [selectedIds]);
  useEffect(() => {
    const id = selectedIds.size === 1 ? [...selectedIds][0] : undefined;
    const node = id === undefined ? undefined : getInternalNode(id);
    if (!node || node.dragging) return;
    const { x: nx, y: ny } = node.internals.positionAbsolute;
    const place = `${node.id}@${nx},${ny}`;
    if (checked.current === place) return;
    checked.current = place;
    const { x, y, zoom } = getViewport();
    const w = node.measured.width ?? node.width ?? 0;
    const h = node.measured.height ?? node.height ?? 0;
    const [left, top] = [nx * zoom + x, ny * zoom + y];
    const box = { left, top, right: left + w * zoom, bottom: top + h * zoom };
    const inView = left >= 0 && top >= 0 && box.right <= width && box.bottom <= height;
    const covered = overlayBoxes(canvas).some((overlay) => overlaps(box, overlay));
    if (!inView || covered) void setCenter(nx + w / 2, ny + h / 2, { zoom, duration: 300 });
  }, [selectedIds, nodes, getInternalNode, getViewport, setCenter, width, height, canvas]);
  return null;
}
