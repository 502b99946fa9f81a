import { createContext, memo, useContext } from 'react';
import { BaseEdge, getSmoothStepPath, Position, type EdgeProps } from '@xyflow/react';
import { pathMiddle, type Point } from '../domain/routeGeometry';

/** Routes by edge id, computed from the laid-out positions (see useEdgeRoutes). */
export const EdgeRoutesContext = createContext<ReadonlyMap<string, readonly Point[]>>(new Map());

/**
 * Handles sit a few px off the box border, so off the route's ends across that border (along y
 * for a handle on the top or bottom, along x for one on a side); more means the node moved.
 */
const HANDLE_SLACK = 12;

function fitsHandles(route: readonly Point[], from: Point, to: Point, side: Position): boolean {
  const [first, last] = [route[0], route[route.length - 1]];
  if (!first || !last) return false;
  const upright = side === Position.Top || side === Position.Bottom;
  const [alongX, alongY] = upright ? [1, HANDLE_SLACK] : [HANDLE_SLACK, 1];
  return (
    Math.abs(first.x - from.x) < alongX &&
    Math.abs(last.x - to.x) < alongX &&
    Math.abs(first.y - from.y) < alongY &&
    Math.abs(last.y - to.y) < alongY
  );
}

/**
 * An edge drawn along the route the layout found for it (around boxes, org-chart style), joined
 * to the handles; while one of its nodes is dragged or was placed since the layout, a plain
 * step edge instead.
 */
export const RoutedEdge = memo(function RoutedEdge(props: EdgeProps) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition } = props;
  const route = useContext(EdgeRoutesContext).get(id);
  const [from, to] = [
    { x: sourceX, y: sourceY },
    { x: targetX, y: targetY },
  ];
  let path: string;
  let middle: Point;
  if (route && fitsHandles(route, from, to, sourcePosition)) {
    const points = [from, ...route.slice(1, -1), to];
    path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x},${p.y}`).join(' ');
    middle = pathMiddle(points);
  } else {
    const [d, x, y] = getSmoothStepPath({
      sourceX,
      sourceY,
      targetX,
      targetY,
      sourcePosition,
      targetPosition,
    });
    path = d;
    middle = { x, y };
  }
  // Everything else React Flow passes (label, style, markers) is drawn as BaseEdge draws it.
  const look = {
    label: props.label,
    labelStyle: props.labelStyle,
    labelShowBg: props.labelShowBg,
    labelBgStyle: props.labelBgStyle,
    labelBgPadding: props.labelBgPadding,
    labelBgBorderRadius: props.labelBgBorderRadius,
    style: props.style,
    markerEnd: props.markerEnd,
    markerStart: props.markerStart,
    interactionWidth: props.interactionWidth,
  };
  return <BaseEdge id={id} path={path} labelX={middle.x} labelY={middle.y} {...look} />;
});
