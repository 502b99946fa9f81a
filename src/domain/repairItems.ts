import type { RecordList } from './merge';
import type { MapDocument } from './model';

/** What a repair sets aside and the helpers its rules share (domain/repair.ts explains the rules). */

/** How a person can settle a set-aside item with one click. */
export type Resolution =
  /** Delete the record for good. */
  | { readonly action: 'remove'; readonly label: string }
  /** Store the record as the repaired view shows it (owner cleared, missing party dropped). */
  | { readonly action: 'keep-repaired'; readonly label: string }
  /** Bring back a record deleted on one device, with what another changed in it meanwhile. */
  | { readonly action: 'restore'; readonly label: string }
  /** Point `field` at another goal or person the person chooses. */
  | {
      readonly action: 'reattach';
      readonly field: string;
      readonly to: 'goal' | 'stakeholder';
      readonly label: string;
    };

/**
 * Why an item is set aside. The first five are this file's rules; the last three are found where
 * records arrive from other devices (a room): a record that breaks its own rules, a party's
 * perspective written while that party was being taken off the conflict, and a record changed on
 * one device while another deleted it.
 */
export type RepairCause =
  | 'missing-reference'
  | 'self-reference'
  | 'duplicate'
  | 'cycle'
  | 'reporting-loop'
  | 'unreadable'
  | 'detached-text'
  | 'deleted-while-edited';

/** One record the repaired view leaves out (or shows repaired), and why. */
export interface SetAsideItem {
  /** The record's list; 'map' for the map's own fields. */
  readonly list: RecordList | 'map';
  readonly id: string;
  readonly cause: RepairCause;
  /** Plain language, records named by title or name. */
  readonly message: string;
  /** The ids the message is about: the cycle's goals, the missing goal, the record kept instead. */
  readonly involves: readonly string[];
  readonly resolutions: readonly Resolution[];
}

export const REMOVE = (what: string): Resolution => ({
  action: 'remove',
  label: `Remove the ${what}`,
});
export const KEEP_REPAIRED = (label: string): Resolution => ({ action: 'keep-repaired', label });
export const RESTORE = (label: string): Resolution => ({ action: 'restore', label });
export const REATTACH = (field: string, to: 'goal' | 'stakeholder', label: string): Resolution => ({
  action: 'reattach',
  field,
  to,
  label,
});

/** Names records in messages; an id nobody can resolve any more is shown as itself. */
export interface Names {
  readonly goal: (id: string) => string;
  readonly person: (id: string) => string;
}

export function namesOf(doc: MapDocument): Names {
  const goals = new Map<string, string>(doc.goals.map((g) => [g.id, g.title]));
  const people = new Map<string, string>(doc.stakeholders.map((s) => [s.id, s.name]));
  return {
    goal: (id) => `"${goals.get(id) ?? id}"`,
    person: (id) => people.get(id) ?? `"${id}"`,
  };
}

export const byId = <T extends { readonly id: string }>(a: T, b: T): number =>
  a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** Keeps, of records with equal `key`, the one with the smallest id; reports the others. */
export function onePerKey<T extends { readonly id: string }>(
  records: readonly T[],
  key: (record: T) => string,
  report: (record: T, kept: T) => void,
): T[] {
  const kept = new Map<string, T>();
  for (const record of [...records].sort(byId)) {
    const first = kept.get(key(record));
    if (first === undefined) kept.set(key(record), record);
    else report(record, first);
  }
  return records.filter((record) => kept.get(key(record)) === record);
}

export const pairKey = (a: string, b: string): string => JSON.stringify([a, b]);
export const unorderedKey = (a: string, b: string): string =>
  a < b ? pairKey(a, b) : pairKey(b, a);

export type Note = (item: SetAsideItem) => void;

/** A record whose `field` names a goal or person that is not on the map. */
export function missing(
  list: RecordList,
  id: string,
  field: string,
  to: 'goal' | 'stakeholder',
  missingId: string,
  message: string,
  what: string,
): SetAsideItem {
  return {
    list,
    id,
    cause: 'missing-reference',
    message,
    involves: [missingId],
    resolutions: [
      REMOVE(what),
      REATTACH(field, to, `Attach it to another ${to === 'goal' ? 'goal' : 'person'}`),
    ],
  };
}

export const DELETED_GOAL = 'a goal that was deleted on another device';
export const REMOVED_PERSON = 'someone who was removed from the map on another device';

export function selfReference(list: RecordList, id: string, message: string, what: string) {
  return {
    list,
    id,
    cause: 'self-reference',
    message,
    involves: [],
    resolutions: [REMOVE(what)],
  } satisfies SetAsideItem;
}

export function duplicate(
  list: RecordList,
  id: string,
  keptId: string,
  message: string,
  what: string,
) {
  return {
    list,
    id,
    cause: 'duplicate',
    message: `${message} The copy is set aside.`,
    involves: [keptId],
    resolutions: [REMOVE(`second ${what}`)],
  } satisfies SetAsideItem;
}
