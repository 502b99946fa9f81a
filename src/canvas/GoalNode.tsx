import { memo, useContext } from 'react';
import { Handle, Position, useStore, type NodeProps, type ReactFlowState } from '@xyflow/react';
import type { Metric } from '../domain/model';
import { formatMetricValue, hasMetricFigures } from '../io/metric';
import { useApp } from '../store/appContext';
import type { GoalFlowNode } from './adapters';
import { TRADE_OFF_HANDLES } from './connect';
import { useIsDropTarget } from './dropOnNode';
import { formAt, ZoomFormsContext } from './zoomForms';

const KIND_LABEL = { mission: 'Mission', objective: 'Objective', kpi: 'KPI' } as const;

/**
 * The side handles, whose drags make trade-offs (see connect.ts): on the sides the tree's
 * handles leave free, left and right top-down, top and bottom when the tree runs left to right.
 */
const tradeOffSides = (up: Position | undefined) =>
  up === Position.Left
    ? ([
        [TRADE_OFF_HANDLES.left, Position.Top],
        [TRADE_OFF_HANDLES.right, Position.Bottom],
      ] as const)
    : ([
        [TRADE_OFF_HANDLES.left, Position.Left],
        [TRADE_OFF_HANDLES.right, Position.Right],
      ] as const);
/** Chips shown on a goal; more holders show as "+n". */
const MAX_CHIPS = 5;

/** A metric with neither figure known yet says nothing on the map ("— → —" only adds noise). */

function MetricLine({ metric }: { metric: Metric }) {
  return (
    <div className="cg-goal__metric">
      <span>{formatMetricValue(metric.current, metric.unit)}</span>
      <span className="cg-goal__to" aria-hidden="true">
        →
      </span>
      <span>{formatMetricValue(metric.target, metric.unit)}</span>
      <span
        className="cg-goal__dir"
        title={metric.direction === 'up' ? 'higher is better' : 'lower is better'}
      >
        {metric.direction === 'up' ? '↑' : '↓'}
      </span>
    </div>
  );
}

function FoldButton({ node }: { node: GoalFlowNode['data'] }) {
  const app = useApp();
  const { goal, collapsed, hiddenBelow } = node;
  return (
    <button
      type="button"
      className="cg-goal__fold nodrag"
      aria-label={`${collapsed ? 'Expand' : 'Collapse'} ${goal.title}`}
      aria-expanded={!collapsed}
      onClick={(e) => {
        e.stopPropagation();
        app.sessionStore.getState().toggleCollapsed(goal.id);
      }}
    >
      {collapsed ? `+${hiddenBelow}` : '−'}
    </button>
  );
}

/**
 * Who holds the goal, one chip each in the person's colour; a chip selects that incentive,
 * which draws the tie to its person and opens it in the inspector.
 */
function HolderChips({ holders }: { holders: GoalFlowNode['data']['holders'] }) {
  const app = useApp();
  if (holders.length === 0) return null;
  return (
    <div className="cg-goal__chips nodrag">
      {holders.slice(0, MAX_CHIPS).map((h) => (
        <button
          key={h.incentiveId}
          type="button"
          className="cg-goal__chip"
          style={{ background: h.color }}
          title={`${h.name}: ${h.kind}`}
          aria-label={`${h.name} is ${h.kind} on this goal: show the tie`}
          onClick={(e) => {
            e.stopPropagation();
            app.sessionStore.getState().select([{ kind: 'incentive', id: h.incentiveId }]);
          }}
        />
      ))}
      {holders.length > MAX_CHIPS && (
        <span className="cg-goal__more">+{holders.length - MAX_CHIPS}</span>
      )}
    </div>
  );
}

/** A goal box: kind, title and, for KPIs, current → target. Memoised: drags re-render one node. */
export const GoalNode = memo(function GoalNode({
  id,
  data,
  selected,
  sourcePosition = Position.Top,
  targetPosition = Position.Bottom,
}: NodeProps<GoalFlowNode>) {
  // Semantic zoom (zoomForms.ts): past the ones in the editor, KPIs' titles do not fit their box.
  const forms = useContext(ZoomFormsContext);
  const form = useStore((s: ReactFlowState) => formAt(s.transform[2], forms));
  const dropTarget = useIsDropTarget(id);
  const farOut = form !== 'full';
  const { goal, emphasis, partyColors } = data;
  const ring = partyColors[0];
  return (
    <div
      className={`cg-goal cg-goal--${goal.kind} cg-emph--${emphasis}${selected ? ' is-selected' : ''}${dropTarget ? ' is-drop-target' : ''}${farOut ? ` is-far is-${form}` : ''}`}
      style={ring ? { boxShadow: `0 0 0 3px ${ring}` } : undefined}
      title={goal.description || goal.title}
    >
      {/* A title, not aria-label: a handle is a plain div (no role may carry a name), and the
          keyboard way to link is the inspector. The title names the handle for the mouse. */}
      <Handle
        id="up"
        type="source"
        position={sourcePosition}
        className="cg-handle"
        title={`Link “${goal.title}” up to the goal it contributes to`}
      />
      {dropTarget && <span className="cg-drop-badge">Link here</span>}
      {!farOut && (
        <div className="cg-goal__kind">
          {emphasis === 'nearest' ? 'Nearest common goal' : KIND_LABEL[goal.kind]}
        </div>
      )}
      {(form !== 'box' || goal.kind !== 'kpi') && (
        <div
          className="cg-goal__title"
          // Far out, the large title spreads past its box only as far as its neighbours allow.
          style={form === 'box' ? { width: data.titleRoom } : undefined}
        >
          {goal.title}
        </div>
      )}
      {!farOut && goal.metric && hasMetricFigures(goal.metric) && (
        <MetricLine metric={goal.metric} />
      )}
      {!farOut && <HolderChips holders={data.holders} />}
      {data.hasChildren && !farOut && <FoldButton node={data} />}
      <Handle
        id="down"
        type="target"
        position={targetPosition}
        className="cg-handle"
        title={`Link a goal or stakeholder to “${goal.title}”`}
      />
      {/* Side handles make trade-offs, apart from the tree's handles that make links. */}
      {tradeOffSides(sourcePosition).map(([id, position]) => (
        <Handle
          key={id}
          id={id}
          type="source"
          position={position}
          className="cg-handle cg-handle--side"
          title={`Trade “${goal.title}” off: drag to the side of the goal it pulls against`}
        />
      ))}
    </div>
  );
});
