import { memo } from 'react';
import { Handle, Position, useStore, type NodeProps, type ReactFlowState } from '@xyflow/react';
import type { Metric } from '../domain/model';
import { formatMetricValue } from '../io/metric';
import { sessionStore } from '../store/sessionStore';
import type { GoalFlowNode } from './adapters';

const KIND_LABEL = { mission: 'Mission', objective: 'Objective', kpi: 'KPI' } as const;

/** Below this zoom text is unreadable anyway: nodes draw as plain boxes, which is much cheaper. */
const DETAIL_ZOOM = 0.35;
const selectFarOut = (s: ReactFlowState): boolean => s.transform[2] < DETAIL_ZOOM;

/** A metric with neither figure known yet says nothing on the map ("— → —" only adds noise). */
const hasFigures = (metric: Metric): boolean => metric.current !== null || metric.target !== null;

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
  const { goal, collapsed, hiddenBelow } = node;
  return (
    <button
      type="button"
      className="cg-goal__fold nodrag"
      aria-label={`${collapsed ? 'Expand' : 'Collapse'} ${goal.title}`}
      aria-expanded={!collapsed}
      onClick={(e) => {
        e.stopPropagation();
        sessionStore.getState().toggleCollapsed(goal.id);
      }}
    >
      {collapsed ? `+${hiddenBelow}` : '−'}
    </button>
  );
}

/** A goal box: kind, title and, for KPIs, current → target. Memoised: drags re-render one node. */
export const GoalNode = memo(function GoalNode({ data, selected }: NodeProps<GoalFlowNode>) {
  const farOut = useStore(selectFarOut);
  const { goal, emphasis, partyColors } = data;
  const ring = partyColors[0];
  return (
    <div
      className={`cg-goal cg-goal--${goal.kind} cg-emph--${emphasis}${selected ? ' is-selected' : ''}${farOut ? ' is-far' : ''}`}
      style={ring ? { boxShadow: `0 0 0 3px ${ring}` } : undefined}
      title={goal.description || goal.title}
    >
      {/* A title, not aria-label: a handle is a plain div (no role may carry a name), and the
          keyboard way to link is the inspector. The title names the handle for the mouse. */}
      <Handle
        id="up"
        type="source"
        position={Position.Top}
        className="cg-handle"
        title={`Link “${goal.title}” up to the goal it contributes to`}
      />
      {!farOut && (
        <div className="cg-goal__kind">
          {emphasis === 'nearest' ? 'Nearest common goal' : KIND_LABEL[goal.kind]}
        </div>
      )}
      <div className="cg-goal__title">{goal.title}</div>
      {!farOut && goal.metric && hasFigures(goal.metric) && <MetricLine metric={goal.metric} />}
      {data.hasChildren && !farOut && <FoldButton node={data} />}
      <Handle
        id="down"
        type="target"
        position={Position.Bottom}
        className="cg-handle"
        title={`Link a goal or stakeholder to “${goal.title}”`}
      />
    </div>
  );
});
