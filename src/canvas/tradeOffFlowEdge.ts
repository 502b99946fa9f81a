import type { Edge } from '@xyflow/react';
import type { TradeOff } from '../domain/model';
import { TRADE_OFF_LOOK } from '../domain/tradeOffGeometry';
import { TRADE_OFF_HANDLES } from './connect';
import { goalNodeId } from '../domain/nodeIds';
import { edgeId } from './edgeIds';

/**
 * A trade-off between two goals: dashed, in its own colour and labelled "⇄ trades off", so it
 * reads apart from a link without colour. Dimmed in a common-ground view: the engine never
 * climbs it, so it is no part of any path.
 */
export function tradeOffEdge(
  tradeOff: TradeOff,
  titles: readonly [string, string],
  dim: boolean,
  selected: boolean,
): Edge {
  const { color, dash, width, label } = TRADE_OFF_LOOK;
  return {
    id: edgeId('tradeOff', tradeOff.id),
    type: 'tradeOff',
    source: goalNodeId(tradeOff.a),
    sourceHandle: TRADE_OFF_HANDLES.right,
    target: goalNodeId(tradeOff.b),
    targetHandle: TRADE_OFF_HANDLES.left,
    selected,
    label,
    className: dim ? 'cg-edge-dim' : 'cg-edge-trade-off',
    style: { stroke: color, strokeWidth: selected ? width + 1.5 : width, strokeDasharray: dash },
    labelStyle: { fill: color, fontWeight: 700 },
    labelBgStyle: { fill: '#ffffff', stroke: color, strokeWidth: 1 },
    labelBgPadding: [6, 3],
    labelBgBorderRadius: 4,
    ariaLabel: `“${titles[0]}” trades off against “${titles[1]}”`,
    // Out of the Tab order, like links: each goal's inspector lists its trade-offs.
    focusable: false,
  };
}
