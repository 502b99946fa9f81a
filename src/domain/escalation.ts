import type { GoalId, StakeholderId } from './ids';
import type { MapDocument } from './model';
import { findEscalationPoint } from './reportingLines';

/**
 * The two answers a facilitator gives before a hard conversation, in one sentence each: where the
 * conflict lands if it escalates (the parties' lowest common manager), and which goal the parties
 * already serve (the nearest common goal) with whoever owns it. Usually two different people.
 */
export function describeEscalation(
  doc: MapDocument,
  parties: readonly StakeholderId[],
  nearestGoalId: GoalId | null,
): string {
  return [landsWith(doc, parties), sharedGoal(doc, parties, nearestGoalId)]
    .filter((s) => s !== '')
    .join(' ');
}

function landsWith(doc: MapDocument, parties: readonly StakeholderId[]): string {
  if (doc.reportingLines.length === 0) {
    return 'Nobody’s manager is on the map yet, so where this lands if it escalates is not known.';
  }
  const point = findEscalationPoint(doc.reportingLines, parties);
  if (point.status === 'none') {
    return 'If this escalates, nobody on the map manages all of them: it goes above everyone here.';
  }
  return `If this escalates, it lands with ${personLabel(doc, point.managerId)}.`;
}

function sharedGoal(
  doc: MapDocument,
  parties: readonly StakeholderId[],
  nearestGoalId: GoalId | null,
): string {
  const goal = doc.goals.find((g) => g.id === nearestGoalId);
  if (goal === undefined) return '';
  const who = parties.length === 2 ? 'both' : 'all';
  const owner =
    goal.owner === null ? 'which has no owner yet' : `owned by ${personLabel(doc, goal.owner)}`;
  return `The goal ${who} already serve is ${goal.title}, ${owner}.`;
}

/** "Maya (CEO)", or just the name when no role is given. */
export function personLabel(doc: MapDocument, id: StakeholderId): string {
  const person = doc.stakeholders.find((s) => s.id === id);
  if (person === undefined) return id;
  return person.role.trim() === '' ? person.name : `${person.name} (${person.role.trim()})`;
}
