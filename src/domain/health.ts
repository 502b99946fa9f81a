import { findCommonGround, goalIndexOf, type CommonGoalAnswer } from './engine';
import { getLinkIndex } from './graph';
import type { ConflictId, GoalId, StakeholderId } from './ids';
import type { Conflict, MapDocument } from './model';
import { findEscalationPoint } from './reportingLines';

/**
 * Map health: the gaps that make "find common ground" give a poor answer or none, each tied to the
 * record to fix. Incentives on deleted goals are not a kind here because they cannot exist:
 * removeGoal drops a goal's incentives with it, and the importer refuses a file whose incentive
 * names a missing goal (checkInvariants), so no open document ever holds one.
 */
export type HealthItem =
  | SeparateTrees
  | GoalWithoutParent
  | StakeholderWithoutIncentives
  | StakeholderWithoutManager
  | ConflictWithoutCommonGoal
  | EscalationOwnsNoGoal;

/** More than one top goal: parties in different trees can never share a goal. */
export interface SeparateTrees {
  readonly kind: 'separate-trees';
  /** Every goal without a parent, missions first, then in map order. */
  readonly topGoalIds: readonly GoalId[];
}

/** A goal that contributes to nothing although it is not a mission: it starts a tree of its own. */
export interface GoalWithoutParent {
  readonly kind: 'goal-without-parent';
  readonly goalId: GoalId;
}

/** Somebody measured on nothing: there is nothing to walk up from. */
export interface StakeholderWithoutIncentives {
  readonly kind: 'stakeholder-without-incentives';
  readonly stakeholderId: StakeholderId;
}

/**
 * Someone outside the org chart while others are in it: a conflict with them has nowhere to
 * escalate. Only the head of the largest reporting tree is expected to have no manager; everyone
 * else without one is listed (people on their own, and the heads of smaller trees).
 */
export interface StakeholderWithoutManager {
  readonly kind: 'stakeholder-without-manager';
  readonly stakeholderId: StakeholderId;
  /** The head of the largest reporting tree. */
  readonly topId: StakeholderId;
}

/**
 * A conflict that would land, if it escalates, with someone who owns none of the goals either
 * party walks up to their nearest common goal (that goal included): the person who decides is
 * not the one accountable for what the parties share. Not listed when that person is a party.
 */
export interface EscalationOwnsNoGoal {
  readonly kind: 'escalation-owns-no-goal';
  readonly conflictId: ConflictId;
  readonly managerId: StakeholderId;
  readonly nearestGoalId: GoalId;
}

/** A conflict whose parties share no goal, so the room has no common ground to start from. */
export interface ConflictWithoutCommonGoal {
  readonly kind: 'conflict-without-common-goal';
  readonly conflictId: ConflictId;
  /** The engine's reason: separate trees, or a party that holds no incentive. */
  readonly reason: 'no-common-goal' | 'party-without-incentives';
  /** Filled when reason is 'party-without-incentives', in party order. */
  readonly partiesWithoutIncentives: readonly StakeholderId[];
}

export type HealthItemKind = HealthItem['kind'];

/** Every health item of the map: tree shape first, then people, then conflicts, each in map order. */
export function computeMapHealth(doc: MapDocument): HealthItem[] {
  return [...treeItems(doc), ...stakeholderItems(doc), ...managerItems(doc), ...conflictItems(doc)];
}

function treeItems(doc: MapDocument): HealthItem[] {
  const { parents } = getLinkIndex(doc.links);
  const tops = doc.goals.filter((g) => !parents.has(g.id));
  const missions = tops.filter((g) => g.kind === 'mission');
  const others = tops.filter((g) => g.kind !== 'mission');
  const items: HealthItem[] = [];
  if (tops.length > 1) {
    items.push({ kind: 'separate-trees', topGoalIds: [...missions, ...others].map((g) => g.id) });
  }
  for (const goal of others) items.push({ kind: 'goal-without-parent', goalId: goal.id });
  return items;
}

function stakeholderItems(doc: MapDocument): HealthItem[] {
  const measured = new Set<string>(doc.incentives.map((i) => i.stakeholderId));
  return doc.stakeholders
    .filter((s) => !measured.has(s.id))
    .map((s) => ({ kind: 'stakeholder-without-incentives', stakeholderId: s.id }));
}

function managerItems(doc: MapDocument): HealthItem[] {
  if (doc.reportingLines.length === 0) return [];
  const managerOf = new Map<string, StakeholderId>(doc.reportingLines.map((r) => [r.from, r.to]));
  const headOf = new Map<string, StakeholderId>();
  // Lines form a forest (setReportsTo and the importer refuse loops), so each walk ends; it is a
  // loop rather than recursion because an imported chain of people may be long.
  const head = (id: StakeholderId): StakeholderId => {
    const walked: StakeholderId[] = [];
    let at = id;
    let top = headOf.get(at);
    while (top === undefined) {
      walked.push(at);
      const manager = managerOf.get(at);
      if (manager === undefined) top = at;
      else {
        at = manager;
        top = headOf.get(at);
      }
    }
    for (const w of walked) headOf.set(w, top);
    return top;
  };
  const treeSize = new Map<StakeholderId, number>();
  for (const s of doc.stakeholders) treeSize.set(head(s.id), (treeSize.get(head(s.id)) ?? 0) + 1);
  const heads = doc.stakeholders.filter((s) => !managerOf.has(s.id));
  const top = heads.reduce((best, s) =>
    (treeSize.get(s.id) ?? 0) > (treeSize.get(best.id) ?? 0) ? s : best,
  );
  return heads
    .filter((s) => s !== top)
    .map((s) => ({ kind: 'stakeholder-without-manager', stakeholderId: s.id, topId: top.id }));
}

/** The escalation item of a conflict with common ground, if its escalation point owns none of it. */
function escalationItem(
  doc: MapDocument,
  conflict: Conflict,
  nearest: CommonGoalAnswer,
): EscalationOwnsNoGoal | null {
  const point = findEscalationPoint(doc.reportingLines, conflict.parties);
  if (point.status !== 'found' || conflict.parties.includes(point.managerId)) return null;
  const onPaths = new Set<string>(nearest.climbs.flatMap((c) => c.path));
  const owns = doc.goals.some((g) => g.owner === point.managerId && onPaths.has(g.id));
  if (owns) return null;
  return {
    kind: 'escalation-owns-no-goal',
    conflictId: conflict.id,
    managerId: point.managerId,
    nearestGoalId: nearest.goalId,
  };
}

function conflictItems(doc: MapDocument): HealthItem[] {
  if (doc.conflicts.length === 0) return [];
  const index = goalIndexOf(doc);
  const items: HealthItem[] = [];
  for (const conflict of doc.conflicts) {
    const result = findCommonGround(index, conflict.parties);
    if (result.status === 'no-common-goal') {
      items.push({
        kind: 'conflict-without-common-goal',
        conflictId: conflict.id,
        reason: 'no-common-goal',
        partiesWithoutIncentives: [],
      });
    } else if (result.status === 'party-without-incentives') {
      items.push({
        kind: 'conflict-without-common-goal',
        conflictId: conflict.id,
        reason: 'party-without-incentives',
        partiesWithoutIncentives: result.partiesWithoutIncentives,
      });
    } else if (result.status === 'found' || result.status === 'already-shared') {
      const [nearest] = result.answers;
      const item = nearest && escalationItem(doc, conflict, nearest);
      if (item) items.push(item);
    }
  }
  return items;
}
