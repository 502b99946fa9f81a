import { memo } from 'react';
import { Handle, Position, useStore, type NodeProps, type ReactFlowState } from '@xyflow/react';
import type { Metric } from '../domain/model';
import { formatMetricValue, hasMetricFigures } from '../io/metric';
import { sessionStore } from '../store/sessionStore';
import type { GoalFlowNode } from './adapters';
import { TRADE_OFF_HANDLES } from './connect';

const KIND_LABEL = { mission: 'Mission', objective: 'Objective', kpi: 'KPI' } as const;

/**
 * Semantic zoom. Below TITLE_ZOOM a box's 11–13 px details are specks: goals show their title
 * alone, in a size readable at that zoom (see ZoomedTitleSize). Below BOX_ZOOM a KPI's title no
 * longer fits its box at a readable size and KPIs draw as plain boxes (much cheaper on big maps),
 * while objectives and the mission keep large titles that may spill past their box.
 */
export const TITLE_ZOOM = 0.55;
const BOX_ZOOM = 0.35;
type Form = 'full' | 'title' | 'box';
const selectForm = (s: ReactFlowState): Form =>
  s.transform[2] >= TITLE_ZOOM ? 'full' : s.transform[2] >= BOX_ZOOM ? 'title' : 'box';
/** The side handles, whose drags make trade-offs (see connect.ts). */
const TRADE_OFF_SIDES = [
  [TRADE_OFF_HANDLES.left, Position.Left],
  [TRADE_OFF_HANDLES.right, Position.Right],
] as const;
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

/**
 * Who holds the goal, one chip each in the person's colour; a chip selects that incentive,
 * which draws the tie to its person and opens it in the inspector.
 */
function HolderChips({ holders }: { holders: GoalFlowNode['data']['holders'] }) {
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
            sessionStore.getState().select({ incentives: [h.incentiveId] });
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
export const GoalNode = memo(function GoalNode({ data, selected }: NodeProps<GoalFlowNode>) {
  const form = useStore(selectForm);
  const farOut = form !== 'full';
  const { goal, emphasis, partyColors } = data;
  const ring = partyColors[0];
  return (
    <div
      className={`cg-goal cg-goal--${goal.kind} cg-emph--${emphasis}${selected ? ' is-selected' : ''}${farOut ? ` is-far is-${form}` : ''}`}
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
      {(form !== 'box' || goal.kind !== 'kpi') && (
        <div className="cg-goal__title">{goal.title}</div>
      )}
      {!farOut && goal.metric && hasMetricFigures(goal.metric) && (
        <MetricLine metric={goal.metric} />
      )}
      {!farOut && <HolderChips holders={data.holders} />}
      {data.hasChildren && !farOut && <FoldButton node={data} />}
      <Handle
        id="down"
        type="target"
        position={Position.Bottom}
        className="cg-handle"
        title={`Link a goal or stakeholder to “${goal.title}”`}
      />
      {/* Side handles make trade-offs, apart from the top and bottom ones that make links. */}
      {TRADE_OFF_SIDES.map(([id, position]) => (
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
