import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { StakeholderFlowNode } from './adapters';
import { useIsDropTarget } from './dropOnNode';

/** A person or group, drawn in their colour; incentive edges leave from the top. */
export const StakeholderNode = memo(function StakeholderNode({
  id,
  data,
  selected,
}: NodeProps<StakeholderFlowNode>) {
  const dropTarget = useIsDropTarget(id);
  const { stakeholder, emphasis } = data;
  const subtitle = [stakeholder.role, stakeholder.team].filter(Boolean).join(' · ');
  return (
    <div
      className={`cg-person cg-emph--${emphasis}${selected ? ' is-selected' : ''}${dropTarget ? ' is-drop-target' : ''}`}
      style={{ borderColor: stakeholder.color }}
    >
      <Handle
        id="up"
        type="source"
        position={Position.Top}
        className="cg-handle"
        title={`Connect ${stakeholder.name} to a goal`}
      />
      {dropTarget && <span className="cg-drop-badge">Link here</span>}
      <span
        className="cg-person__dot"
        style={{ background: stakeholder.color }}
        aria-hidden="true"
      />
      <div className="cg-person__text">
        <div className="cg-person__name">{stakeholder.name}</div>
        {subtitle && <div className="cg-person__role">{subtitle}</div>}
      </div>
    </div>
  );
});
