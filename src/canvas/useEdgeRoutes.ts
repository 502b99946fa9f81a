import { useEffect, useMemo, useReducer, useState } from 'react';
import type { Edge } from '@xyflow/react';
import { routeKey, sameRects, type Point, type Rect } from '../domain/routeGeometry';
import { tradeOffCurves, type TradeOffCurve } from '../domain/tradeOffGeometry';
import { NODE_SIZE, type LayoutPositions } from '../domain/layoutTypes';
import type { MapDocument, Position } from '../domain/model';
import { goalNodeId, stakeholderNodeId } from '../domain/nodeIds';
import { edgeId } from './edgeIds';
import { usePositionsStore } from '../store/positionsStore';
import type { Orientation } from '../domain/orientation';
import { selectOrientation, useMapView } from '../store/mapViewStore';

/** Where a node is drawn when nothing is dragged: at its pin when pinned. */
const drawnAt = (id: string, position: Position | null, positions: LayoutPositions) =>
  position?.pinned ? position : positions[id];

/**
 * Every node's box by node id where it is drawn when nothing is dragged: pinned goals and people
 * at their pins.
 */
function boxesOf(doc: MapDocument, positions: LayoutPositions): Map<string, Rect> {
  const boxes = new Map<string, Rect>();
  for (const g of doc.goals) {
    const id = goalNodeId(g.id);
    const at = drawnAt(id, g.position, positions);
    if (at) boxes.set(id, { x: at.x, y: at.y, ...NODE_SIZE[g.kind] });
  }
  for (const s of doc.stakeholders) {
    const id = stakeholderNodeId(s.id);
    const at = drawnAt(id, s.position, positions);
    if (at) boxes.set(id, { x: at.x, y: at.y, ...NODE_SIZE.stakeholder });
  }
  return boxes;
}

/**
 * Every node's box where it is drawn (boxesOf), for the ties' routes and the trade-offs' curves:
 * the same Map for as long as every box stays where it is, so an edit that moves nothing (a title
 * typed, a note, a weight) bends no curve and routes no tie again (`npm run bench tradeOffs`).
 */
export function useDrawnBoxes(
  doc: MapDocument,
  positions: LayoutPositions,
): ReadonlyMap<string, Rect> {
  const boxes = useMemo(() => boxesOf(doc, positions), [doc, positions]);
  const [kept, keep] = useState<ReadonlyMap<string, Rect>>(boxes);
  const same = useMemo(() => kept === boxes || sameRects(kept, boxes), [kept, boxes]);
  // Kept from the render that moved a box (React draws again at once, with this one kept).
  if (!same) keep(boxes);
  return same ? kept : boxes;
}

type Routing = typeof import('../domain/edgeRoutes');
let routing: Routing | undefined;

/**
 * The routing code: not part of the first screen, which draws the links as the layout worker
 * routed them. Fetched once the map is drawn and the browser is idle, so that the first person
 * selected shows their ties at once, or right away when ties are shown before. Undefined until
 * it is here (ties are drawn plainly meanwhile, and if it cannot be fetched).
 */
function useRouting(drawn: boolean, needed: boolean): Routing | undefined {
  const [, arrived] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    if (routing || !(drawn || needed)) return undefined;
    const load = () =>
      void import('../domain/edgeRoutes').then((loaded) => {
        routing = loaded;
        arrived();
      }, arrived);
    if (needed || typeof requestIdleCallback !== 'function') {
      load();
      return undefined;
    }
    const idle = requestIdleCallback(load, { timeout: 2000 });
    return () => cancelIdleCallback(idle);
  }, [drawn, needed]);
  return routing;
}

function routesById(
  { routeEdges }: Routing,
  boxes: ReadonlyMap<string, Rect>,
  edges: readonly { readonly id: string; readonly from: string; readonly to: string }[],
  orientation: Orientation,
  keepClearOf: readonly (readonly Point[])[],
): [string, Point[]][] {
  const routes = routeEdges(boxes, edges, {}, orientation, keepClearOf);
  return edges.flatMap((e, i) => {
    const route = routes[i];
    return route ? [[e.id, route] as [string, Point[]]] : [];
  });
}

/**
 * Routes for the edges drawn: every "contributes to" link as the layout worker routed it, and
 * the ties shown right now, routed here when that set changes (a few at a time), each crossing
 * as few links as it can.
 */
export function useEdgeRoutes(
  doc: MapDocument,
  boxes: ReadonlyMap<string, Rect>,
  edges: readonly Edge[],
): ReadonlyMap<string, readonly Point[]> {
  const stored = usePositionsStore((s) => s.routes);
  const orientation = useMapView(selectOrientation);
  const linkRoutes = useMemo(
    () =>
      doc.links.flatMap((l) => {
        const route = stored[routeKey(goalNodeId(l.from), goalNodeId(l.to))];
        return route ? [[edgeId('link', l.id), route] as [string, readonly Point[]]] : [];
      }),
    [doc.links, stored],
  );
  // Each tie crosses as few of the links' routes as it can; one list while the links stay, so
  // the routing buckets their segments once, not on every selection.
  const linkLines = useMemo(() => linkRoutes.map(([, route]) => route), [linkRoutes]);
  const shownTies = edges
    .filter((e) => e.type === 'routed' && !e.hidden && e.data?.kind)
    .map((e) => e.id)
    .join('|');
  const loaded = useRouting(boxes.size > 0, shownTies !== '');
  const { incentives } = doc;
  const tieRoutes = useMemo(() => {
    const shown = new Set(shownTies.split('|'));
    const ties = incentives
      .filter((i) => shown.has(edgeId('incentive', i.id)))
      .map((i) => ({
        id: edgeId('incentive', i.id),
        from: stakeholderNodeId(i.stakeholderId),
        to: goalNodeId(i.goalId),
      }));
    return ties.length === 0 || !loaded
      ? []
      : routesById(loaded, boxes, ties, orientation, linkLines);
  }, [loaded, boxes, incentives, shownTies, orientation, linkLines]);
  return useMemo(() => new Map([...linkRoutes, ...tieRoutes]), [linkRoutes, tieRoutes]);
}

/**
 * The curve of every trade-off, bent around the boxes where they are drawn when nothing is
 * dragged (a drag draws the plain curve until the drop), by edge id.
 */
export function useTradeOffCurves(
  tradeOffs: MapDocument['tradeOffs'],
  boxes: ReadonlyMap<string, Rect>,
): ReadonlyMap<string, TradeOffCurve> {
  return useMemo(() => {
    const edges = tradeOffs.map((t) => ({
      id: edgeId('tradeOff', t.id),
      a: goalNodeId(t.a),
      b: goalNodeId(t.b),
    }));
    return tradeOffCurves(boxes, boxes.values(), edges);
  }, [boxes, tradeOffs]);
}
