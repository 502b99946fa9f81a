import type { GoalId } from '../ids';
import type { MapDocument } from '../model';
import type { BrokenRule } from '../records';
import { invalid, type Refusal } from './errors';

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

/** The first rule the record breaks, refused in the words of the record's own file. */
export function refuseBroken(broken: readonly BrokenRule[]): Refusal | null {
  const [first] = broken;
  return first ? invalid(first.field, first.refusal) : null;
}
