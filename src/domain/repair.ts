import { findClosingLinks } from './graph';
import type { StakeholderId } from './ids';
import type { RecordList } from './merge';
import {
  perspectivesRecord,
  type Conflict,
  type Goal,
  type Incentive,
  type Link,
  type MapDocument,
  type ReportingLine,
  type TradeOff,
} from './model';

/**
 * Deterministic repair of a map that concurrent edits made inconsistent. Each edit was valid where
 * it was made, but two devices editing at once can together produce what no single edit can: two
 * links that close a cycle, an incentive on a goal someone else deleted, two managers for one
 * person. Every device computes the same repaired view from the same records, whatever order they
 * arrived in, because every rule decides by record id (plain string order), never by arrival:
 *
 * - a record that refers to a goal or person that is not there is set aside (a goal's owner and a
 *   conflict's agreed goal are cleared instead; a conflict keeps its remaining parties while two
 *   or more are left, and is set aside otherwise);
 * - a self-link, self-trade-off or self-report is set aside;
 * - of records that say the same (two links between the same goals, two equal incentives, two
 *   trade-offs between the same goals, two managers for one person) the smallest id stays;
 * - links are taken in id order and each one that would close a cycle is set aside, so in every
 *   cycle the link with the greatest id goes; reporting loops likewise.
 *
 * Nothing is deleted: the caller keeps the set-aside records where they are (a room keeps them in
 * its Y.Doc), and each item says why in plain words and how a person can settle it.
 */

/** How a person can settle a set-aside item with one click. */
export type Resolution =
  /** Delete the record for good. */
  | { readonly action: 'remove'; readonly label: string }
  /** Store the record as the repaired view shows it (owner cleared, missing party dropped). */
  | { readonly action: 'keep-repaired'; readonly label: string }
  /** Point `field` at another goal or person the person chooses. */
  | {
      readonly action: 'reattach';
      readonly field: string;
      readonly to: 'goal' | 'stakeholder';
      readonly label: string;
    };

/**
 * Why an item is set aside. The first five are this file's rules; the last two are found where
 * records arrive from other devices (a room): a record that breaks its own rules, and a party's
 * perspective written while that party was being taken off the conflict.
 */
export type RepairCause =
  | 'missing-reference'
  | 'self-reference'
  | 'duplicate'
  | 'cycle'
  | 'reporting-loop'
  | 'unreadable'
  | 'detached-text';

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

export interface RepairedMap {
  /** Satisfies every invariant (checkInvariants finds nothing) when each record keeps its rules. */
  readonly doc: MapDocument;
  readonly setAside: readonly SetAsideItem[];
}

export const REMOVE = (what: string): Resolution => ({
  action: 'remove',
  label: `Remove the ${what}`,
});
export const KEEP_REPAIRED = (label: string): Resolution => ({ action: 'keep-repaired', label });
const REATTACH = (field: string, to: 'goal' | 'stakeholder', label: string): Resolution => ({
  action: 'reattach',
  field,
  to,
  label,
});

/** Names records in messages; an id nobody can resolve any more is shown as itself. */
interface Names {
  readonly goal: (id: string) => string;
  readonly person: (id: string) => string;
}

function namesOf(doc: MapDocument): Names {
  const goals = new Map<string, string>(doc.goals.map((g) => [g.id, g.title]));
  const people = new Map<string, string>(doc.stakeholders.map((s) => [s.id, s.name]));
  return {
    goal: (id) => `"${goals.get(id) ?? id}"`,
    person: (id) => people.get(id) ?? `"${id}"`,
  };
}

const byId = <T extends { readonly id: string }>(a: T, b: T): number =>
  a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** Keeps, of records with equal `key`, the one with the smallest id; reports the others. */
function onePerKey<T extends { readonly id: string }>(
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

const pairKey = (a: string, b: string): string => JSON.stringify([a, b]);
const unorderedKey = (a: string, b: string): string => (a < b ? pairKey(a, b) : pairKey(b, a));

export function repairMapDocument(doc: MapDocument): RepairedMap {
  const setAside: SetAsideItem[] = [];
  const names = namesOf(doc);
  const goalIds = new Set<string>(doc.goals.map((g) => g.id));
  const people = new Set<string>(doc.stakeholders.map((s) => s.id));
  const note = (item: SetAsideItem) => setAside.push(item);
  const repaired: MapDocument = {
    map: doc.map,
    goals: doc.goals.map((g) => repairOwner(g, people, names, note)),
    links: repairLinks(doc, goalIds, names, note),
    stakeholders: doc.stakeholders,
    incentives: repairIncentives(doc.incentives, goalIds, people, names, note),
    conflicts: doc.conflicts.flatMap((c) => repairConflict(c, goalIds, people, note)),
    tradeOffs: repairTradeOffs(doc.tradeOffs, goalIds, names, note),
    reportingLines: repairReportingLines(doc.reportingLines, people, names, note),
  };
  return { doc: repaired, setAside };
}

type Note = (item: SetAsideItem) => void;

function repairOwner(goal: Goal, people: ReadonlySet<string>, names: Names, note: Note): Goal {
  if (goal.owner === null || people.has(goal.owner)) return goal;
  note({
    list: 'goals',
    id: goal.id,
    cause: 'missing-reference',
    message: `${names.goal(goal.id)} is owned by someone who was removed from the map on another device; it shows no owner.`,
    involves: [goal.owner],
    resolutions: [
      KEEP_REPAIRED('Leave it without an owner'),
      REATTACH('owner', 'stakeholder', 'Choose an owner'),
    ],
  });
  return { ...goal, owner: null };
}

/** A record whose `field` names a goal or person that is not on the map. */
function missing(
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

const DELETED_GOAL = 'a goal that was deleted on another device';
const REMOVED_PERSON = 'someone who was removed from the map on another device';

function repairLinks(doc: MapDocument, goalIds: ReadonlySet<string>, names: Names, note: Note) {
  const known = doc.links.filter((link) => {
    const gone = [link.from, link.to].find((g) => !goalIds.has(g));
    if (gone === undefined) return true;
    const field = gone === link.from ? 'from' : 'to';
    const other = names.goal(gone === link.from ? link.to : link.from);
    note(
      missing(
        'links',
        link.id,
        field,
        'goal',
        gone,
        `A link ${field === 'from' ? 'up to' : 'from'} ${other} ${field === 'from' ? 'comes from' : 'goes to'} ${DELETED_GOAL}.`,
        'link',
      ),
    );
    return false;
  });
  const notSelf = known.filter((link) => {
    if (link.from !== link.to) return true;
    note(selfReference('links', link.id, `${names.goal(link.from)} is linked to itself.`, 'link'));
    return false;
  });
  const single = onePerKey(
    notSelf,
    (l) => pairKey(l.from, l.to),
    (link, kept) =>
      note(
        duplicate(
          'links',
          link.id,
          kept.id,
          `${names.goal(link.from)} was linked to ${names.goal(link.to)} twice, on two devices at once.`,
          'link',
        ),
      ),
  );
  return withoutCycles(doc.goals, single, names, note);
}

function selfReference(list: RecordList, id: string, message: string, what: string) {
  return {
    list,
    id,
    cause: 'self-reference',
    message,
    involves: [],
    resolutions: [REMOVE(what)],
  } satisfies SetAsideItem;
}

function duplicate(list: RecordList, id: string, keptId: string, message: string, what: string) {
  return {
    list,
    id,
    cause: 'duplicate',
    message: `${message} The copy is set aside.`,
    involves: [keptId],
    resolutions: [REMOVE(`second ${what}`)],
  } satisfies SetAsideItem;
}

/** Links taken in id order: each that would close a cycle with those before it is set aside. */
function withoutCycles(
  goals: readonly Goal[],
  links: readonly Link[],
  names: Names,
  note: Note,
): Link[] {
  const inIdOrder = [...links].sort(byId);
  const { closing, unchecked, cycleThrough } = findClosingLinks(goals, inIdOrder);
  if (closing.length === 0 && unchecked.length === 0) return [...links];
  const closingLinks = [
    ...closing.map(({ linkIndex, cycle }) => ({ linkIndex, cycle })),
    ...unchecked.map((linkIndex) => ({ linkIndex, cycle: cycleThrough(linkIndex) })),
  ];
  const out = new Set<string>();
  for (const { linkIndex, cycle } of closingLinks) {
    const link = inIdOrder[linkIndex];
    if (link === undefined) continue;
    out.add(link.id);
    note({
      list: 'links',
      id: link.id,
      cause: 'cycle',
      message:
        `Linking ${names.goal(link.from)} to ${names.goal(link.to)} closes a cycle ` +
        `(${cycle.map(names.goal).join(' → ')}): two links were added on two devices at once. ` +
        'This one, the later by id, is set aside.',
      involves: cycle,
      resolutions: [REMOVE('link')],
    });
  }
  return links.filter((link) => !out.has(link.id));
}

function repairIncentives(
  incentives: readonly Incentive[],
  goalIds: ReadonlySet<string>,
  people: ReadonlySet<string>,
  names: Names,
  note: Note,
): Incentive[] {
  const known = incentives.filter((i) => {
    if (!people.has(i.stakeholderId)) {
      const message = `An incentive on ${names.goal(i.goalId)} belongs to ${REMOVED_PERSON}.`;
      note(
        missing(
          'incentives',
          i.id,
          'stakeholderId',
          'stakeholder',
          i.stakeholderId,
          message,
          'incentive',
        ),
      );
      return false;
    }
    if (goalIds.has(i.goalId)) return true;
    const message = `${names.person(i.stakeholderId)}'s incentive is on ${DELETED_GOAL}.`;
    note(missing('incentives', i.id, 'goalId', 'goal', i.goalId, message, 'incentive'));
    return false;
  });
  return onePerKey(
    known,
    (i) => JSON.stringify([i.stakeholderId, i.goalId, i.kind]),
    (i, kept) =>
      note(
        duplicate(
          'incentives',
          i.id,
          kept.id,
          `${names.person(i.stakeholderId)} was tied to ${names.goal(i.goalId)} (${i.kind}) twice, on two devices at once.`,
          'incentive',
        ),
      ),
  );
}

function repairConflict(
  conflict: Conflict,
  goalIds: ReadonlySet<string>,
  people: ReadonlySet<string>,
  note: Note,
): Conflict[] {
  const parties = [...new Set(conflict.parties)].filter((p) => people.has(p));
  const gone = conflict.parties.filter((p) => !people.has(p));
  const title = `"${conflict.title}"`;
  if (parties.length < 2) {
    note({
      list: 'conflicts',
      id: conflict.id,
      cause: 'missing-reference',
      message: `The conflict ${title} has fewer than two parties left: ${gone.length === 1 ? 'a party was' : 'parties were'} removed from the map on another device.`,
      involves: gone,
      resolutions: [REMOVE('conflict')],
    });
    return [];
  }
  let repaired = conflict;
  if (parties.length < conflict.parties.length) {
    if (gone.length > 0) {
      note({
        list: 'conflicts',
        id: conflict.id,
        cause: 'missing-reference',
        message: `A party to ${title} was removed from the map on another device; the conflict shows the others.`,
        involves: gone,
        resolutions: [KEEP_REPAIRED('Take them off the parties')],
      });
    }
    const perspectives = perspectivesRecord(
      parties.map((p) => [
        p,
        Object.hasOwn(conflict.perspectives, p) ? (conflict.perspectives[p] ?? '') : '',
      ]),
    );
    repaired = { ...conflict, parties, perspectives };
  }
  const agreed = conflict.agreedGoalId;
  if (agreed === null || goalIds.has(agreed)) return [repaired];
  note({
    list: 'conflicts',
    id: conflict.id,
    cause: 'missing-reference',
    message: `The goal agreed on for ${title} was deleted on another device; it shows no agreed goal.`,
    involves: [agreed],
    resolutions: [
      KEEP_REPAIRED('Leave it without an agreed goal'),
      REATTACH('agreedGoalId', 'goal', 'Choose the agreed goal'),
    ],
  });
  return [{ ...repaired, agreedGoalId: null }];
}

function repairTradeOffs(
  tradeOffs: readonly TradeOff[],
  goalIds: ReadonlySet<string>,
  names: Names,
  note: Note,
): TradeOff[] {
  const sound = tradeOffs.filter((t) => {
    const gone = [t.a, t.b].find((g) => !goalIds.has(g));
    if (gone !== undefined) {
      const other = names.goal(gone === t.a ? t.b : t.a);
      const field = gone === t.a ? 'a' : 'b';
      const message = `A trade-off with ${other} is against ${DELETED_GOAL}.`;
      note(missing('tradeOffs', t.id, field, 'goal', gone, message, 'trade-off'));
      return false;
    }
    if (t.a !== t.b) return true;
    const message = `${names.goal(t.a)} trades off against itself.`;
    note(selfReference('tradeOffs', t.id, message, 'trade-off'));
    return false;
  });
  return onePerKey(
    sound,
    (t) => unorderedKey(t.a, t.b),
    (t, kept) =>
      note(
        duplicate(
          'tradeOffs',
          t.id,
          kept.id,
          `The trade-off between ${names.goal(t.a)} and ${names.goal(t.b)} was drawn twice, on two devices at once.`,
          'trade-off',
        ),
      ),
  );
}

function repairReportingLines(
  lines: readonly ReportingLine[],
  people: ReadonlySet<string>,
  names: Names,
  note: Note,
): ReportingLine[] {
  const sound = lines.filter((r) => {
    const gone = [r.from, r.to].find((p) => !people.has(p));
    if (gone !== undefined) {
      const field = gone === r.from ? 'from' : 'to';
      const message =
        field === 'from'
          ? `A reporting line to ${names.person(r.to)} starts at ${REMOVED_PERSON}.`
          : `${names.person(r.from)} reports to ${REMOVED_PERSON}.`;
      note(missing('reportingLines', r.id, field, 'stakeholder', gone, message, 'reporting line'));
      return false;
    }
    if (r.from !== r.to) return true;
    const message = `${names.person(r.from)} reports to themselves.`;
    note(selfReference('reportingLines', r.id, message, 'reporting line'));
    return false;
  });
  const oneManager = onePerKey(
    sound,
    (r) => r.from,
    (r, kept) =>
      note(
        duplicate(
          'reportingLines',
          r.id,
          kept.id,
          `${names.person(r.from)} was given two managers on two devices at once (${names.person(kept.to)} and ${names.person(r.to)}).`,
          'reporting line',
        ),
      ),
  );
  return withoutLoops(oneManager, names, note);
}

/**
 * One manager each makes the lines a functional graph: its loops are disjoint, and in each the
 * line with the greatest id is set aside.
 */
function withoutLoops(lines: readonly ReportingLine[], names: Names, note: Note): ReportingLine[] {
  const lineOf = new Map<StakeholderId, ReportingLine>(lines.map((r) => [r.from, r]));
  const done = new Set<StakeholderId>();
  const out = new Set<string>();
  for (const start of lines) {
    const onWalk = new Set<StakeholderId>();
    const walk: ReportingLine[] = [];
    let line: ReportingLine | undefined = start;
    while (line !== undefined && !done.has(line.from) && !onWalk.has(line.from)) {
      onWalk.add(line.from);
      walk.push(line);
      line = lineOf.get(line.to);
    }
    for (const r of walk) done.add(r.from);
    if (line === undefined || !onWalk.has(line.from)) continue;
    const loop = walk.slice(walk.indexOf(line));
    const last = loop.reduce((a, b) => (byId(a, b) >= 0 ? a : b));
    out.add(last.id);
    const people = [...loop.map((r) => r.from), line.from];
    note({
      list: 'reportingLines',
      id: last.id,
      cause: 'reporting-loop',
      message:
        `${names.person(last.from)} reporting to ${names.person(last.to)} closes a reporting loop ` +
        `(${people.map(names.person).join(' → ')}) made on two devices at once. This line, the ` +
        'later by id, is set aside.',
      involves: people,
      resolutions: [REMOVE('reporting line')],
    });
  }
  return lines.filter((r) => !out.has(r.id));
}
