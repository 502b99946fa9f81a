import { createContext, memo, useContext } from 'react';
import { BaseEdge, useInternalNode, type EdgeProps, type InternalNode } from '@xyflow/react';
import type { Rect } from '../domain/routeGeometry';
import {
  curveBetween,
  curveJoins,
  tradeOffEnds,
  tradeOffPath,
  type TradeOffCurve,
} from '../domain/tradeOffGeometry';

/** Curves by edge id, bent around the boxes where they are drawn (see useTradeOffCurves). */
export const TradeOffCurvesContext = createContext<ReadonlyMap<string, TradeOffCurve>>(new Map());

/** A node's box in flow coordinates, as measured on screen (its declared size until then). */
function boxOf(node: InternalNode): Rect {
  return {
    ...node.internals.positionAbsolute,
    width: node.measured.width ?? node.width ?? 0,
    height: node.measured.height ?? node.height ?? 0,
  };
}

/**
 * A trade-off: a dashed curve between sides of its two goals (the same curve the SVG export
 * draws), around the boxes it does not end at; while one of its goals is dragged, the plain
 * curve between their facing sides, following the drag. The handles the edge names only tell
 * React Flow the goals are connectable; the sides are chosen here.
 */
export const TradeOffEdge = memo(function TradeOffEdge(props: EdgeProps) {
  const source = useInternalNode(props.source);
  const target = useInternalNode(props.target);
  const bent = useContext(TradeOffCurvesContext).get(props.id);
  if (!source || !target) return null;
  const [a, b] = [boxOf(source), boxOf(target)];
  const curve = bent && curveJoins(bent, a, b) ? bent : curveBetween(tradeOffEnds(a, b));
  const { d, middle } = tradeOffPath(curve);
  return (
    <BaseEdge
      id={props.id}
      path={d}
      labelX={middle.x}
      labelY={middle.y}
      label={props.label}
      labelStyle={props.labelStyle}
      labelBgStyle={props.labelBgStyle}
      labelBgPadding={props.labelBgPadding}
      labelBgBorderRadius={props.labelBgBorderRadius}
      style={props.style}
      interactionWidth={props.interactionWidth}
    />
  );
});
