import type { StakeholderId } from './ids';
import { perspectivesRecord, type Conflict, type Incentive, type ReportingLine } from './model';
import {
  byId,
  duplicate,
  DELETED_GOAL,
  KEEP_REPAIRED,
  missing,
  onePerKey,
  REATTACH,
  REMOVE,
  REMOVED_PERSON,
  selfReference,
  type Names,
  type Note,
} from './repairItems';

/** The repair rules for people's records: incentives, conflicts, reporting lines (see repair.ts). */

export function repairIncentives(
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

export function repairConflict(
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

export function repairReportingLines(
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
