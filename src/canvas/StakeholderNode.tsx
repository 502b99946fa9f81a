import { memo, useContext } from 'react';
import { Handle, Position, useStore, type NodeProps, type ReactFlowState } from '@xyflow/react';
import type { StakeholderFlowNode } from './adapters';
import { useIsDropTarget } from './dropOnNode';
import { formAt, ZoomFormsContext } from './zoomForms';

/**
 * A person or group, drawn in their colour; incentive edges leave from the side towards the
 * tree (the top, or the left when the tree runs left to right). Zoomed out as
 * far as goals show their title alone (zoomForms.ts), the name alone, large, as wide as the
 * neighbours leave room for.
 */
export const StakeholderNode = memo(function StakeholderNode({
  id,
  data,
  selected,
  sourcePosition = Position.Top,
}: NodeProps<StakeholderFlowNode>) {
  const dropTarget = useIsDropTarget(id);
  const { stakeholder, emphasis } = data;
  const forms = useContext(ZoomFormsContext);
  const farOut = useStore((s: ReactFlowState) => formAt(s.transform[2], forms) !== 'full');
  const subtitle = [stakeholder.role, stakeholder.team].filter(Boolean).join(' · ');
  return (
    <div
      className={`cg-person cg-emph--${emphasis}${selected ? ' is-selected' : ''}${farOut ? ' is-far' : ''}${dropTarget ? ' is-drop-target' : ''}`}
      style={{ borderColor: stakeholder.color }}
    >
      <Handle
        id="up"
        type="source"
        position={sourcePosition}
        className="cg-handle"
        title={`Connect ${stakeholder.name} to a goal`}
      />
      {dropTarget && <span className="cg-drop-badge">Link here</span>}
      {farOut ? (
        <div
          className="cg-person__name"
          style={{ width: data.nameRoom, borderColor: stakeholder.color }}
        >
          {stakeholder.name}
        </div>
      ) : (
        <>
          <span
            className="cg-person__dot"
            style={{ background: stakeholder.color }}
            aria-hidden="true"
          />
          <div className="cg-person__text">
            <div className="cg-person__name">{stakeholder.name}</div>
            {subtitle && <div className="cg-person__role">{subtitle}</div>}
          </div>
        </>
      )}
    </div>
  );
});
