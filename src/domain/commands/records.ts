import type { GoalId } from '../ids';
import type { MapDocument } from '../model';

/** Helpers shared by the commands: immutable list edits and names for messages. */

export function indexOfId(list: readonly { readonly id: string }[], id: string): number {
  return list.findIndex((record) => record.id === id);
}

export function hasId(list: readonly { readonly id: string }[], id: string): boolean {
  return indexOfId(list, id) !== -1;
}

export function replaceAt<T>(list: readonly T[], index: number, value: T): T[] {
  const copy = list.slice();
  copy[index] = value;
  return copy;
}

/**
 * Messages name goals by title; an unknown id is shown as itself rather than hidden. Built once
 * per message, so naming every goal of a long cycle stays linear.
 */
export function goalTitles(doc: MapDocument): (goalId: GoalId) => string {
  const titles = new Map<GoalId, string>(doc.goals.map((g) => [g.id, g.title]));
  return (goalId) => titles.get(goalId) ?? goalId;
}

export function isBlank(text: string): boolean {
  return text.trim() === '';
}
