import { findClosingLinks } from './graph';
import type { Goal, Link, MapDocument, TradeOff } from './model';
import {
  duplicate,
  DELETED_GOAL,
  KEEP_REPAIRED,
  missing,
  namesOf,
  onePerKey,
  pairKey,
  REATTACH,
  REMOVE,
  selfReference,
  byId,
  unorderedKey,
  type Names,
  type Note,
  type SetAsideItem,
} from './repairItems';
import { repairConflict, repairIncentives, repairReportingLines } from './repairPeople';

export {
  KEEP_REPAIRED,
  REMOVE,
  RESTORE,
  type RepairCause,
  type Resolution,
  type SetAsideItem,
} from './repairItems';

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

export interface RepairedMap {
  /** Satisfies every invariant (checkInvariants finds nothing) when each record keeps its rules. */
  readonly doc: MapDocument;
  readonly setAside: readonly SetAsideItem[];
}

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
