import { findCommonGround, goalIndexOf } from './engine';
import { getLinkIndex } from './graph';
import type { ConflictId, GoalId, StakeholderId } from './ids';
import type { MapDocument } from './model';

/**
 * Map health: the gaps that make "find common ground" give a poor answer or none, each tied to the
 * record to fix. Incentives on deleted goals are not a kind here because they cannot exist:
 * removeGoal drops a goal's incentives with it, and the importer refuses a file whose incentive
 * names a missing goal (checkInvariants), so no open document ever holds one.
 */
export type HealthItem =
  SeparateTrees | GoalWithoutParent | StakeholderWithoutIncentives | ConflictWithoutCommonGoal;

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
  return [...treeItems(doc), ...stakeholderItems(doc), ...conflictItems(doc)];
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
    }
  }
  return items;
}
