/** The records drawn as nodes: goals and people (stakeholders). */
export type NodeKind = 'goal' | 'stakeholder';

/**
 * A node's id on the canvas and in the layout: the record's kind, then its id. Ids are unique
 * within a kind only, so a goal and a person with the same id would otherwise be one node (one
 * position, one selection).
 */
export const nodeId = (kind: NodeKind, recordId: string): string => `${kind}:${recordId}`;

export const goalNodeId = (goalId: string): string => nodeId('goal', goalId);
export const stakeholderNodeId = (stakeholderId: string): string =>
  nodeId('stakeholder', stakeholderId);

/** The record a node draws, or null for an id that is not a node's. */
export function recordOfNode(id: string): { kind: NodeKind; id: string } | null {
  const colon = id.indexOf(':');
  const kind = id.slice(0, colon);
  if (kind !== 'goal' && kind !== 'stakeholder') return null;
  return { kind, id: id.slice(colon + 1) };
}

/** The node ids of the goals on paths and of their parties, once each: what a camera frames. */
export const partiesAndPaths = (
  goalIds: readonly string[],
  stakeholderIds: readonly string[],
): string[] => [...new Set([...goalIds.map(goalNodeId), ...stakeholderIds.map(stakeholderNodeId)])];
