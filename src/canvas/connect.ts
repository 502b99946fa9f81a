import type { Connection } from '@xyflow/react';
import { addIncentive, linkGoals, type CommandResult } from '../domain/commands';
import { asGoalId, asStakeholderId } from '../domain/ids';
import type { MapDocument } from '../domain/model';
import { err } from '../domain/result';

/**
 * What a drag from handle to handle means. Goal to goal makes a link: the goal whose top handle
 * ("up") is used contributes to the other one, whichever end the drag started from. A person to a
 * goal makes an incentive (kind "measured", editable in the inspector).
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
    const sourceIsChild = sourceHandle === 'up' || targetHandle === 'down';
    const [child, parent] = sourceIsChild ? [source, target] : [target, source];
    return linkGoals(doc, asGoalId(child), asGoalId(parent));
  };
}
