import type { CommonGround } from '../../domain/engine';
import type { GoalId } from '../../domain/ids';
import type { Conflict } from '../../domain/model';
import type { Names } from '../explain';

/** True when both lists hold the same stakeholders, whatever the order they were picked in. */
export function sameMembers(a: readonly string[], b: readonly string[]): boolean {
  const set = new Set(a);
  return set.size === new Set(b).size && b.every((x) => set.has(x));
}

/** The engine's nearest common goal, if the parties have one: what to suggest as agreed goal. */
export function nearestGoalOf(result: CommonGround | null): GoalId | null {
  if (result?.status !== 'found' && result?.status !== 'already-shared') return null;
  return result.answers[0]?.goalId ?? null;
}

/** "Dana Reyes vs Tom Okafor vs Jonas Weber": how the parties read in a list. */
export function partiesLine(conflict: Conflict, names: Names): string {
  return conflict.parties.map((p) => names.party(p)).join(' vs ');
}

/** Where focus goes once a conflict is created, or its agreed goal taken: the first perspective. */
export const FIRST_PERSPECTIVE = '.cg-conflict-editor .cg-perspectives textarea';
