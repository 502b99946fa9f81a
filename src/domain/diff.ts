import type { Goal, MapDocument, Stakeholder } from './model';
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
  /** Named "Win rate ⇄ Gross margin"; a changed one has a new note. */
  readonly tradeOffs: RecordChanges;
  /** Named "Sam → Dana" (Sam reports to Dana). */
  readonly reportingLines: RecordChanges;
  /** Goals whose owner changed, named "Grow ARR efficiently: Maya → Tom" ("nobody" for none). */
  readonly owners: readonly NamedRecord[];
  /**
   * Goals and people whose place on the canvas changed: kept apart so a drag does not read as an
   * edit (a goal's or person's other fields are compared without it, a goal's without its owner).
   */
  readonly moved: readonly NamedRecord[];
  /** The map's own name and description. */
  readonly details: { readonly renamed: boolean; readonly describedAnew: boolean };
}

/** Records in both versions for which `differs` holds, in the newer version's order. */
function kept<T extends { readonly id: string }>(
  from: readonly T[],
  to: readonly T[],
  differs: (older: T, newer: T) => boolean,
): { older: T; newer: T }[] {
  const before = new Map(from.map((r) => [r.id, r]));
  return to.flatMap((newer) => {
    const older = before.get(newer.id);
    return older !== undefined && differs(older, newer) ? [{ older, newer }] : [];
  });
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
  return {
    added: to.filter((r) => !before.has(r.id)).map(named),
    removed: from.filter((r) => !after.has(r.id)).map(named),
    changed: kept(from, to, (a, b) => !same(a, b)).map(({ newer }) => named(newer)),
  };
}

/** A goal as an edit changes it: its place and its owner are listed on their own. */
const sameGoal = (a: Goal, b: Goal): boolean =>
  sameValue({ ...a, position: null, owner: null }, { ...b, position: null, owner: null });
const samePerson = (a: Stakeholder, b: Stakeholder): boolean =>
  sameValue({ ...a, position: null }, { ...b, position: null });

function movedRecords(from: MapDocument, to: MapDocument): NamedRecord[] {
  const placeChanged = (a: { position: unknown }, b: { position: unknown }) =>
    !sameValue(a.position, b.position);
  return [
    ...kept(from.goals, to.goals, placeChanged).map(({ newer }) => ({
      id: newer.id,
      name: newer.title,
    })),
    ...kept(from.stakeholders, to.stakeholders, placeChanged).map(({ newer }) => ({
      id: newer.id,
      name: newer.name,
    })),
  ];
}

function ownerChanges(from: MapDocument, to: MapDocument, person: (id: string) => string) {
  const owner = (g: Goal) => (g.owner === null ? 'nobody' : person(g.owner));
  return kept(from.goals, to.goals, (a, b) => a.owner !== b.owner).map(({ older, newer }) => ({
    id: newer.id,
    name: `${newer.title}: ${owner(older)} → ${owner(newer)}`,
  }));
}

/** Titles of goals and names of people in either version, newer first (a removed one has only the older). */
function namesIn(from: MapDocument, to: MapDocument) {
  const titles = new Map<string, string>();
  const people = new Map<string, string>();
  for (const doc of [from, to]) {
    for (const g of doc.goals) titles.set(g.id, g.title);
    for (const s of doc.stakeholders) people.set(s.id, s.name);
  }
  return {
    goal: (id: string) => titles.get(id) ?? id,
    person: (id: string) => people.get(id) ?? id,
  };
}

export function diffMaps(from: MapDocument, to: MapDocument): MapChanges {
  const { goal, person } = namesIn(from, to);
  return {
    goals: diffRecords(from.goals, to.goals, (g) => g.title, sameGoal),
    stakeholders: diffRecords(from.stakeholders, to.stakeholders, (s) => s.name, samePerson),
    conflicts: diffRecords(from.conflicts, to.conflicts, (c) => c.title),
    links: diffRecords(from.links, to.links, (l) => `${goal(l.from)} → ${goal(l.to)}`),
    incentives: diffRecords(
      from.incentives,
      to.incentives,
      (i) => `${person(i.stakeholderId)} on ${goal(i.goalId)}`,
    ),
    tradeOffs: diffRecords(from.tradeOffs, to.tradeOffs, (t) => `${goal(t.a)} ⇄ ${goal(t.b)}`),
    reportingLines: diffRecords(
      from.reportingLines,
      to.reportingLines,
      (r) => `${person(r.from)} → ${person(r.to)}`,
    ),
    owners: ownerChanges(from, to, person),
    moved: movedRecords(from, to),
    details: {
      renamed: from.map.name !== to.map.name,
      describedAnew: from.map.description !== to.map.description,
    },
  };
}

/** True when the two versions hold the same content, apart from when they were saved. */
export function hasNoChanges(changes: MapChanges): boolean {
  const { goals, stakeholders, conflicts, links, incentives, tradeOffs, reportingLines } = changes;
  const records = [goals, stakeholders, conflicts, links, incentives, tradeOffs, reportingLines];
  const untouched = records.every(
    (c) => c.added.length + c.removed.length + c.changed.length === 0,
  );
  const { owners, moved, details } = changes;
  return (
    untouched &&
    owners.length === 0 &&
    moved.length === 0 &&
    !details.renamed &&
    !details.describedAnew
  );
}
