import { useEffect, useRef } from 'react';
import { useReactFlow, useStore, type ReactFlowState } from '@xyflow/react';

const selectSize = (s: ReactFlowState) => ({ width: s.width, height: s.height });
// nodeLookup is updated in place; the nodes array is replaced, so it signals new nodes.
const selectNodes = (s: ReactFlowState) => s.nodes;

/**
 * Keeps a newly selected node on screen: a goal added below its parent, or a person picked from a
 * panel, may sit outside the view; the camera glides to it at the current zoom. Each selection is
 * revealed once (a node added this instant is revealed as soon as React Flow knows it), so the
 * user can still pan away from a selected node.
 */
export function RevealSelection({ selectedIds }: { selectedIds: ReadonlySet<string> }) {
  const { getViewport, setCenter } = useReactFlow();
  const { width, height } = useStore(selectSize);
  const nodes = useStore(selectNodes);
  const { getInternalNode } = useReactFlow();
  const pending = useRef<string | null>(null);
  useEffect(() => {
    pending.current = selectedIds.size === 1 ? ([...selectedIds][0] ?? null) : null;
  }, [selectedIds]);
  useEffect(() => {
    const node = pending.current === null ? undefined : getInternalNode(pending.current);
    if (!node) return;
    pending.current = null;
    const { x, y, zoom } = getViewport();
    const w = node.measured.width ?? node.width ?? 0;
    const h = node.measured.height ?? node.height ?? 0;
    const { x: nx, y: ny } = node.internals.positionAbsolute;
    const [left, top] = [nx * zoom + x, ny * zoom + y];
    const visible = left >= 0 && top >= 0 && left + w * zoom <= width && top + h * zoom <= height;
    if (!visible) void setCenter(nx + w / 2, ny + h / 2, { zoom, duration: 300 });
  }, [selectedIds, nodes, getInternalNode, getViewport, setCenter, width, height]);
  return null;
}
