import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { Metric } from '../domain/model';
import type { GoalFlowNode } from './adapters';

const KIND_LABEL = { mission: 'Mission', objective: 'Objective', kpi: 'KPI' } as const;

function formatValue(value: number | null, unit: string): string {
  if (value === null) return '—';
  const n = Number.isInteger(value) ? String(value) : value.toFixed(1);
  return unit === '%' ? `${n}%` : unit ? `${n} ${unit}` : n;
}

function MetricLine({ metric }: { metric: Metric }) {
  const arrow = metric.direction === 'up' ? '↑' : '↓';
  return (
    <div className="cg-goal__metric">
      <span>{formatValue(metric.current, metric.unit)}</span>
      <span className="cg-goal__to" aria-hidden="true">
        →
      </span>
      <span>{formatValue(metric.target, metric.unit)}</span>
      <span
        className="cg-goal__dir"
        title={metric.direction === 'up' ? 'higher is better' : 'lower is better'}
      >
        {arrow}
      </span>
    </div>
  );
}

/** A goal box: kind, title and, for KPIs, current → target. Memoised: drags re-render one node. */
export const GoalNode = memo(function GoalNode({ data, selected }: NodeProps<GoalFlowNode>) {
  const { goal, emphasis, partyColors } = data;
  const ring = partyColors.length > 0 ? partyColors.join(', ') : undefined;
  return (
    <div
      className={`cg-goal cg-goal--${goal.kind} cg-emph--${emphasis}${selected ? ' is-selected' : ''}`}
      style={ring ? { boxShadow: `0 0 0 3px ${partyColors[0] ?? ''}` } : undefined}
      title={goal.description || goal.title}
    >
      <Handle type="source" position={Position.Top} className="cg-handle" />
      <div className="cg-goal__kind">
        {emphasis === 'nearest' ? 'Nearest common goal' : KIND_LABEL[goal.kind]}
      </div>
      <div className="cg-goal__title">{goal.title}</div>
      {goal.metric && <MetricLine metric={goal.metric} />}
      <Handle type="target" position={Position.Bottom} className="cg-handle" />
    </div>
  );
});
