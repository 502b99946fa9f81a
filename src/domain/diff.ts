import type { Goal, MapDocument } from './model';
import { sameValue } from './sameValue';

/**
 * What changed between two versions of a map, record by record (matched by id), for History's
 * "since this version" summary. Pure; `from` is the older version, `to` the newer.
 */

/** A record as a reader recognises it: by its title or name. */
export interface NamedRecord {
  readonly id: string;
  readonly name: string;
}

export interface RecordChanges {
  readonly added: readonly NamedRecord[];
  readonly removed: readonly NamedRecord[];
  readonly changed: readonly NamedRecord[];
}

export interface MapChanges {
  readonly goals: RecordChanges;
  readonly stakeholders: RecordChanges;
  readonly conflicts: RecordChanges;
  readonly links: RecordChanges;
  readonly incentives: RecordChanges;
  /** Goals that only moved on the canvas: kept apart so a drag does not read as an edit. */
  readonly moved: readonly NamedRecord[];
  /** The map's own name and description. */
  readonly details: { readonly renamed: boolean; readonly describedAnew: boolean };
}

function diffRecords<T extends { readonly id: string }>(
  from: readonly T[],
  to: readonly T[],
  nameOf: (record: T) => string,
  same: (a: T, b: T) => boolean = sameValue,
): RecordChanges {
  const before = new Map(from.map((r) => [r.id, r]));
  const after = new Set(to.map((r) => r.id));
  const named = (r: T): NamedRecord => ({ id: r.id, name: nameOf(r) });
  const changed = to.filter((r) => {
    const old = before.get(r.id);
    return old !== undefined && !same(old, r);
  });
  return {
    added: to.filter((r) => !before.has(r.id)).map(named),
    removed: from.filter((r) => !after.has(r.id)).map(named),
    changed: changed.map(named),
  };
}

const sameIgnoringPosition = (a: Goal, b: Goal): boolean =>
  sameValue({ ...a, position: null }, { ...b, position: null });

function movedGoals(from: MapDocument, to: MapDocument): NamedRecord[] {
  const before = new Map(from.goals.map((g) => [g.id, g]));
  return to.goals
    .filter((g) => {
      const old = before.get(g.id);
      return old !== undefined && sameIgnoringPosition(old, g) && !sameValue(old, g);
    })
    .map((g) => ({ id: g.id, name: g.title }));
}

/** Titles of goals and names of people in either version, newer first (a removed one has only the older). */
function namesIn(from: MapDocument, to: MapDocument): (id: string) => string {
  const names = new Map<string, string>();
  for (const doc of [from, to]) {
    for (const g of doc.goals) names.set(g.id, g.title);
    for (const s of doc.stakeholders) names.set(s.id, s.name);
  }
  return (id) => names.get(id) ?? id;
}

export function diffMaps(from: MapDocument, to: MapDocument): MapChanges {
  const name = namesIn(from, to);
  return {
    goals: diffRecords(from.goals, to.goals, (g) => g.title, sameIgnoringPosition),
    stakeholders: diffRecords(from.stakeholders, to.stakeholders, (s) => s.name),
    conflicts: diffRecords(from.conflicts, to.conflicts, (c) => c.title),
    links: diffRecords(from.links, to.links, (l) => `${name(l.from)} → ${name(l.to)}`),
    incentives: diffRecords(
      from.incentives,
      to.incentives,
      (i) => `${name(i.stakeholderId)} on ${name(i.goalId)}`,
    ),
    moved: movedGoals(from, to),
    details: {
      renamed: from.map.name !== to.map.name,
      describedAnew: from.map.description !== to.map.description,
    },
  };
}

/** True when the two versions hold the same content, apart from when they were saved. */
export function hasNoChanges(changes: MapChanges): boolean {
  const { goals, stakeholders, conflicts, links, incentives, moved, details } = changes;
  const records = [goals, stakeholders, conflicts, links, incentives];
  const untouched = records.every(
    (c) => c.added.length + c.removed.length + c.changed.length === 0,
  );
  return untouched && moved.length === 0 && !details.renamed && !details.describedAnew;
}
