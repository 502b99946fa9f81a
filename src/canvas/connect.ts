import type { Connection } from '@xyflow/react';
import { addIncentive, addTradeOff, linkGoals, type CommandResult } from '../domain/commands';
import { asGoalId, asStakeholderId } from '../domain/ids';
import type { MapDocument } from '../domain/model';
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
 * handle to another goal's side (no top or bottom handle at either end) makes a trade-off.
 */
export function connectionCommand(connection: Connection) {
  return (doc: MapDocument): CommandResult => {
    const { source, target, sourceHandle, targetHandle } = connection;
    const isPerson = (id: string) => doc.stakeholders.some((s) => s.id === id);
    const person = [source, target].find(isPerson);
    if (person !== undefined) {
      const goal = person === source ? target : source;
      if (isPerson(goal)) {
        return err({
          code: 'invalid',
          field: 'target',
          message: 'Connect a stakeholder to a goal they are measured, rewarded or motivated by.',
        });
      }
      return addIncentive(doc, {
        stakeholderId: asStakeholderId(person),
        goalId: asGoalId(goal),
        kind: 'measured',
      });
    }
    const ends = [sourceHandle, targetHandle];
    if (ends.some(isSideHandle) && !ends.some(isTreeHandle)) {
      return addTradeOff(doc, { a: asGoalId(source), b: asGoalId(target) });
    }
    const sourceIsChild = sourceHandle === 'up' || targetHandle === 'down';
    const [child, parent] = sourceIsChild ? [source, target] : [target, source];
    return linkGoals(doc, asGoalId(child), asGoalId(parent));
  };
}
