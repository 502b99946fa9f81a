import type { CommonGround, CommonGoalAnswer, PartyClimb } from '../domain/engine';
import type { MapDocument } from '../domain/model';

/** Names for ids, so explanations read as sentences rather than ids. */
export interface Names {
  goal(id: string): string;
  party(id: string): string;
}

export function namesOf(doc: MapDocument): Names {
  const goals = new Map<string, string>(doc.goals.map((g) => [g.id, g.title]));
  const people = new Map<string, string>(doc.stakeholders.map((s) => [s.id, s.name]));
  return {
    goal: (id) => goals.get(id) ?? id,
    party: (id) => people.get(id) ?? id,
  };
}

const levels = (n: number): string => (n === 1 ? '1 level' : `${n} levels`);

/** "Dana climbs 2 levels: New ARR → Revenue growth → Grow profitably." */
export function describeClimb(climb: PartyClimb, names: Names): string {
  const who = names.party(climb.stakeholderId);
  if (climb.climb === 0) return `${who} already holds "${names.goal(climb.path[0] ?? '')}".`;
  return `${who} climbs ${levels(climb.climb)}: ${climb.path.map((g) => names.goal(g)).join(' → ')}.`;
}

/** One line for an alternative lowest common goal. */
export function describeAlternative(answer: CommonGoalAnswer, names: Names): string {
  return `${names.goal(answer.goalId)} (total climb ${answer.totalClimb}, longest ${answer.maxClimb})`;
}

const list = (items: readonly string[]): string =>
  items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;

/** The headline of the common-ground region for every status of the engine. */
export function headline(result: CommonGround, names: Names): string {
  const parties = list(result.parties.map((p) => names.party(p)));
  switch (result.status) {
    case 'found':
    case 'already-shared': {
      const nearest = result.answers[0];
      return nearest ? `Nearest common goal: ${names.goal(nearest.goalId)}` : '';
    }
    case 'no-common-goal':
      return `${parties} share no goal: their goals sit in separate trees.`;
    case 'party-without-incentives':
      return `${list(result.partiesWithoutIncentives.map((p) => names.party(p)))} ${
        result.partiesWithoutIncentives.length === 1 ? 'has' : 'have'
      } no incentives yet, so there is nothing to walk up from.`;
    case 'too-few-parties':
      return 'Pick at least two stakeholders to find their common ground.';
    case 'unknown-party':
      return `${list(result.unknownParties.map(String))} ${
        result.unknownParties.length === 1 ? 'is' : 'are'
      } no longer in this map.`;
  }
}

/** Why the nearest goal is shared: a sentence a facilitator can read out. */
export function summary(result: CommonGround, names: Names): string | null {
  if (result.status !== 'found' && result.status !== 'already-shared') return null;
  const nearest = result.answers[0];
  if (!nearest) return null;
  const goal = names.goal(nearest.goalId);
  if (result.status === 'already-shared') {
    return `You already share "${goal}": every party holds an incentive on it, no climb needed.`;
  }
  return `Walking up ${levels(nearest.totalClimb)} in total, every party reaches "${goal}": each of their incentives contributes to it.`;
}
