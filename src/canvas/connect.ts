import type { Connection, HandleType, InternalNode, Transform, XYPosition } from '@xyflow/react';
import { addIncentive, addTradeOff, linkGoals, type CommandResult } from '../domain/commands';
import { asGoalId, asStakeholderId } from '../domain/ids';
import type { MapDocument } from '../domain/model';
import { recordOfNode } from '../domain/nodeIds';
import { err } from '../domain/result';

/** A goal's side handles: a drag between them says the two goals trade off. */
export const TRADE_OFF_HANDLES = { left: 'side-left', right: 'side-right' } as const;
const isSideHandle = (handle: string | null | undefined): boolean =>
  handle === TRADE_OFF_HANDLES.left || handle === TRADE_OFF_HANDLES.right;
const isTreeHandle = (handle: string | null | undefined): boolean =>
  handle === 'up' || handle === 'down';

/**
 * What a drag from handle to handle means. Goal to goal makes a link: the goal whose top handle
 * ("up") is used contributes to the other one, whichever end the drag started from. A person to a
 * goal makes an incentive (kind "measured", editable in the inspector). A drag from a goal's side
 * handle to another goal's side (no top or bottom handle at either end) makes a trade-off. The
 * connection names its ends by node id.
 */
export function connectionCommand(connection: Connection) {
  return (doc: MapDocument): CommandResult => {
    const { sourceHandle, targetHandle } = connection;
    const [source, target] = [recordOfNode(connection.source), recordOfNode(connection.target)];
    if (source === null || target === null) {
      return err({ code: 'invalid', field: 'target', message: 'Connect goals and people.' });
    }
    const person = [source, target].find((end) => end.kind === 'stakeholder');
    if (person !== undefined) {
      const goal = person === source ? target : source;
      if (goal.kind === 'stakeholder') {
        return err({
          code: 'invalid',
          field: 'target',
          message: 'Connect a stakeholder to a goal they are measured, rewarded or motivated by.',
        });
      }
      return addIncentive(doc, {
        stakeholderId: asStakeholderId(person.id),
        goalId: asGoalId(goal.id),
        kind: 'measured',
      });
    }
    const ends = [sourceHandle, targetHandle];
    if (ends.some(isSideHandle) && !ends.some(isTreeHandle)) {
      return addTradeOff(doc, { a: asGoalId(source.id), b: asGoalId(target.id) });
    }
    const sourceIsChild = sourceHandle === 'up' || targetHandle === 'down';
    const [child, parent] = sourceIsChild ? [source, target] : [target, source];
    return linkGoals(doc, asGoalId(child.id), asGoalId(parent.id));
  };
}

/** The handle a drag started from, as React Flow reports it. */
export interface DragStart {
  readonly nodeId: string;
  readonly id?: string | null;
  readonly type: HandleType;
}

/**
 * The connection a drop on a node's box makes: the same as a drop on that node's handle, so
 * `connectionCommand` reads it the same way (React Flow, too, puts a drag from a target handle
 * on the connection's target side).
 */
export function dropConnection(from: DragStart, onNodeId: string): Connection {
  const fromHandle = from.id ?? null;
  return from.type === 'target'
    ? { source: onNodeId, sourceHandle: null, target: from.nodeId, targetHandle: fromHandle }
    : { source: from.nodeId, sourceHandle: fromHandle, target: onNodeId, targetHandle: null };
}

/** A pointer position on the pane (screen pixels from its top left) in flow coordinates. */
export function paneToFlow(pointer: XYPosition, [x, y, zoom]: Transform): XYPosition {
  return { x: (pointer.x - x) / zoom, y: (pointer.y - y) / zoom };
}

/** Whether a flow point lies on a node's drawn box (a node not yet measured has no box). */
export function isOnNode(node: InternalNode, point: XYPosition): boolean {
  const { width, height } = node.measured;
  if (node.hidden || width === undefined || height === undefined) return false;
  const { x, y } = node.internals.positionAbsolute;
  return point.x >= x && point.x <= x + width && point.y >= y && point.y <= y + height;
}

/** The node a drop at this flow point lands on: the one drawn on top; never the drag's own node. */
export function nodeAtPoint(
  nodes: Iterable<InternalNode>,
  point: XYPosition,
  exceptId: string,
): string | null {
  let found: InternalNode | null = null;
  for (const node of nodes) {
    if (node.id === exceptId || !isOnNode(node, point)) continue;
    if (found === null || node.internals.z >= found.internals.z) found = node;
  }
  return found?.id ?? null;
}

/** What a drop on nothing says, so a missed drop is never silent. */
export function missedDropText(doc: MapDocument, fromNodeId: string): string {
  const from = recordOfNode(fromNodeId);
  const person =
    from?.kind === 'stakeholder' ? doc.stakeholders.find((s) => s.id === from.id) : undefined;
  if (person) return `Drop on a goal to tie ${person.name} to it: nothing was linked.`;
  const goal = from?.kind === 'goal' ? doc.goals.find((g) => g.id === from.id) : undefined;
  return `Drop on a goal to link “${goal?.title ?? 'this goal'}” to it: nothing was linked.`;
}
