import { memo } from 'react';
import { BaseEdge, useInternalNode, type EdgeProps, type InternalNode } from '@xyflow/react';
import type { Rect } from '../domain/edgeRoutes';
import { tradeOffEnds, tradeOffPath } from '../domain/tradeOffGeometry';

/** A node's box in flow coordinates, as measured on screen (its declared size until then). */
function boxOf(node: InternalNode): Rect {
  return {
    ...node.internals.positionAbsolute,
    width: node.measured.width ?? node.width ?? 0,
    height: node.measured.height ?? node.height ?? 0,
  };
}

/**
 * A trade-off: a dashed curve between the facing sides of its two goals (the same curve the SVG
 * export draws), wherever they are right now, a drag in progress included. The handles the edge
 * names only tell React Flow the goals are connectable; the sides are chosen here.
 */
export const TradeOffEdge = memo(function TradeOffEdge(props: EdgeProps) {
  const source = useInternalNode(props.source);
  const target = useInternalNode(props.target);
  if (!source || !target) return null;
  const { d, middle } = tradeOffPath(tradeOffEnds(boxOf(source), boxOf(target)));
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
