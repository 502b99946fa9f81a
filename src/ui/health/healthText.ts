import type { HealthItem, HealthItemKind } from '../../domain/health';
import type { Names } from '../explain';

/** Which group of the health panel an item is listed under. */
export type HealthGroup = 'Goal tree' | 'People' | 'Conflicts';

const GROUP_OF: Readonly<Record<HealthItemKind, HealthGroup>> = {
  'separate-trees': 'Goal tree',
  'goal-without-parent': 'Goal tree',
  'stakeholder-without-incentives': 'People',
  'stakeholder-without-manager': 'People',
  'conflict-without-common-goal': 'Conflicts',
  'escalation-owns-no-goal': 'Conflicts',
};

export const HEALTH_GROUPS: readonly HealthGroup[] = ['Goal tree', 'People', 'Conflicts'];

export const groupOf = (item: HealthItem): HealthGroup => GROUP_OF[item.kind];

const listFormat = new Intl.ListFormat('en', { type: 'conjunction' });
const list = (items: readonly string[]): string => listFormat.format(items);

/**
 * What is wrong and why it matters, in one or two sentences. `conflictTitle` and the parties come
 * from the document; the item only carries ids.
 */
export function describeHealthItem(
  item: HealthItem,
  names: Names,
  conflict: (id: string) => { title: string; parties: readonly string[] } | undefined,
): string {
  switch (item.kind) {
    case 'separate-trees':
      return `The map has ${item.topGoalIds.length} separate trees. People whose goals sit in different trees can never share a goal.`;
    case 'goal-without-parent':
      return `“${names.goal(item.goalId)}” contributes to no other goal and is not the mission.`;
    case 'stakeholder-without-incentives':
      return `${names.party(item.stakeholderId)} holds no incentives, so nothing ties them to the tree.`;
    case 'conflict-without-common-goal': {
      const c = conflict(item.conflictId);
      const title = c?.title ?? item.conflictId;
      if (item.reason === 'party-without-incentives') {
        const who = item.partiesWithoutIncentives.map((p) => names.party(p));
        return `“${title}”: ${list(who)} ${who.length === 1 ? 'holds' : 'hold'} no incentives, so there is no common ground to find.`;
      }
      const parties = list((c?.parties ?? []).map((p) => names.party(p)));
      return `“${title}”: ${parties} share no goal; their goals sit in separate trees.`;
    }
    case 'stakeholder-without-manager':
      return `${names.party(item.stakeholderId)} reports to nobody on the map, while others report up to ${names.party(item.topId)}: a conflict between them has nowhere to escalate.`;
    case 'escalation-owns-no-goal': {
      const title = conflict(item.conflictId)?.title ?? item.conflictId;
      return `“${title}”: if it escalates, it lands with ${names.party(item.managerId)}, who owns no goal on either party’s path to “${names.goal(item.nearestGoalId)}”.`;
    }
  }
}

/** "1 thing to look at", "3 things to look at". */
export const healthSummary = (count: number): string =>
  `${count} ${count === 1 ? 'thing' : 'things'} to look at`;
