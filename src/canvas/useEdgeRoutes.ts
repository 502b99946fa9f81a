import { useMemo } from 'react';
import type { Edge } from '@xyflow/react';
import { routeEdges, type Point, type Rect } from '../domain/edgeRoutes';
import { NODE_SIZE, type LayoutPositions } from '../domain/layoutTypes';
import type { MapDocument } from '../domain/model';

/** Every node's box where it is drawn when nothing is dragged: pinned goals at their pins. */
function boxesOf(doc: MapDocument, positions: LayoutPositions): Map<string, Rect> {
  const boxes = new Map<string, Rect>();
  for (const g of doc.goals) {
    const at = g.position?.pinned ? g.position : positions[g.id];
    if (at) boxes.set(g.id, { x: at.x, y: at.y, ...NODE_SIZE[g.kind] });
  }
  for (const s of doc.stakeholders) {
    const at = positions[s.id];
    if (at) boxes.set(s.id, { x: at.x, y: at.y, ...NODE_SIZE.stakeholder });
  }
  return boxes;
}

function routesById(
  boxes: ReadonlyMap<string, Rect>,
  edges: readonly { readonly id: string; readonly from: string; readonly to: string }[],
): [string, Point[]][] {
  const routes = routeEdges(boxes, edges);
  return edges.flatMap((e, i) => {
    const route = routes[i];
    return route ? [[e.id, route] as [string, Point[]]] : [];
  });
}

/**
 * Routes for the edges drawn: every "contributes to" link (again only when the layout or a pin
 * moved something) and the ties shown right now (again when that set changes).
 */
export function useEdgeRoutes(
  doc: MapDocument,
  positions: LayoutPositions,
  edges: readonly Edge[],
): ReadonlyMap<string, readonly Point[]> {
  const boxes = useMemo(() => boxesOf(doc, positions), [doc, positions]);
  const linkRoutes = useMemo(
    () =>
      routesById(
        boxes,
        doc.links.map((l) => ({ id: l.id, from: l.from, to: l.to })),
      ),
    [boxes, doc.links],
  );
  const shownTies = edges
    .filter((e) => e.type === 'routed' && !e.hidden && e.sourceHandle === 'up' && e.data?.kind)
    .map((e) => e.id)
    .join('|');
  const tieRoutes = useMemo(() => {
    const shown = new Set(shownTies.split('|'));
    const ties = doc.incentives
      .filter((i) => shown.has(i.id))
      .map((i) => ({ id: i.id, from: i.stakeholderId, to: i.goalId }));
    return routesById(boxes, ties);
  }, [boxes, doc.incentives, shownTies]);
  return useMemo(() => new Map([...linkRoutes, ...tieRoutes]), [linkRoutes, tieRoutes]);
}
