import { findClosingLinks } from './graph';
import type { GoalId } from './ids';
import type { Conflict, Incentive, Link, MapDocument } from './model';
import { checkReportingLines, checkTradeOffs } from './invariantsV2';
import { describeValue, formatPath } from './paths';
import {
  brokenRules,
  checkGoal,
  CONFLICT_RULES,
  INCENTIVE_RULES,
  LINK_RULES,
  MAP_RULES,
  REPORTING_LINE_RULES,
  STAKEHOLDER_RULES,
  TRADE_OFF_RULES,
  type BrokenRule,
} from './records';

/**
 * Rules a map document must keep beyond its shape: ids, references, an acyclic goal graph. The
 * importer runs this after structural validation and commands must never break it, so `path`
 * indexes into the arrays exactly as given ("links[2].to") and can be shown to the user.
 */
export interface InvariantProblem {
  readonly path: string;
  readonly message: string;
}

/** Longer cycles show their start and end with the middle elided, so a message stays readable. */
const MAX_CYCLE_GOALS_SHOWN = 10;
/** A tangle of cycles names this many closing links, then counts the rest in one line. */
const MAX_CYCLES_LISTED = 20;

export type Report = (path: string, message: string) => void;

/**
 * Linear in the size of the document, apart from sorting out which links close cycles, whose work
 * is capped (see findClosingLinks).
 */
export function checkInvariants(doc: MapDocument): InvariantProblem[] {
  const problems: InvariantProblem[] = [];
  const report: Report = (path, message) => problems.push({ path, message });
  checkRecordRules(doc, report);
  const goalIds = checkUniqueIds('goals', doc.goals, report);
  checkUniqueIds('links', doc.links, report);
  const stakeholderIds = checkUniqueIds('stakeholders', doc.stakeholders, report);
  checkUniqueIds('incentives', doc.incentives, report);
  checkUniqueIds('conflicts', doc.conflicts, report);
  checkUniqueIds('tradeOffs', doc.tradeOffs, report);
  checkUniqueIds('reportingLines', doc.reportingLines, report);
  checkLinks(doc, goalIds, report);
  doc.goals.forEach((g, i) => {
    if (g.owner !== null && !stakeholderIds.has(g.owner)) {
      report(`goals[${i}].owner`, `unknown stakeholder "${g.owner}"`);
    }
  });
  const refs: References = { goalIds, stakeholderIds };
  checkIncentives(doc.incentives, refs, report);
  doc.conflicts.forEach((conflict, i) => {
    checkConflict(conflict, `conflicts[${i}]`, refs, report);
  });
  checkTradeOffs(doc.tradeOffs, goalIds, report);
  checkReportingLines(doc.reportingLines, stakeholderIds, report);
  return problems;
}

/** Each record against its own rules (records/), worded as the importer words them. */
function checkRecordRules(doc: MapDocument, report: Report): void {
  const check = <R>(
    list: string,
    records: readonly R[],
    broken: (record: R) => readonly BrokenRule[],
  ) => {
    records.forEach((record, i) => {
      for (const rule of broken(record)) {
        report(
          `${list}[${i}].${rule.field}`,
          `expected ${rule.expected}, got ${describeValue(rule.value)}`,
        );
      }
    });
  };
  check('map', [doc.map], (map) => brokenRules(map, MAP_RULES));
  check('goals', doc.goals, checkGoal);
  check('links', doc.links, (link) => brokenRules(link, LINK_RULES));
  check('stakeholders', doc.stakeholders, (s) => brokenRules(s, STAKEHOLDER_RULES));
  check('incentives', doc.incentives, (i) => brokenRules(i, INCENTIVE_RULES));
  check('conflicts', doc.conflicts, (c) => brokenRules(c, CONFLICT_RULES));
  check('tradeOffs', doc.tradeOffs, (t) => brokenRules(t, TRADE_OFF_RULES));
  check('reportingLines', doc.reportingLines, (r) => brokenRules(r, REPORTING_LINE_RULES));
}

interface References {
  readonly goalIds: ReadonlySet<string>;
  readonly stakeholderIds: ReadonlySet<string>;
}

/** Reports every repeat of an id after its first use; returns the set of ids in the list. */
function checkUniqueIds(
  list: string,
  records: readonly { readonly id: string }[],
  report: Report,
): Set<string> {
  const ids = new Set<string>();
  records.forEach((record, i) => {
    if (ids.has(record.id)) report(`${list}[${i}].id`, `duplicate id "${record.id}"`);
    ids.add(record.id);
  });
  return ids;
}

function checkLinks(doc: MapDocument, goalIds: ReadonlySet<string>, report: Report): void {
  // Only links that pass the per-link checks take part in the cycle check, so one broken link
  // is reported once, not again as part of a cycle.
  const sound: Link[] = [];
  const soundAt: number[] = [];
  const firstByPair = new Map<string, Map<string, number>>();
  doc.links.forEach((link, i) => {
    const at = `links[${i}]`;
    const knownFrom = goalIds.has(link.from);
    const knownTo = goalIds.has(link.to);
    if (!knownFrom) report(`${at}.from`, `unknown goal "${link.from}"`);
    if (!knownTo) report(`${at}.to`, `unknown goal "${link.to}"`);
    if (!knownFrom || !knownTo) return;
    if (link.from === link.to) {
      report(at, `links goal "${link.from}" to itself`);
      return;
    }
    const firstTo = firstByPair.get(link.from) ?? new Map<string, number>();
    const first = firstTo.get(link.to);
    if (first !== undefined) {
      report(at, `duplicate link from "${link.from}" to "${link.to}" (same as links[${first}])`);
      return;
    }
    firstByPair.set(link.from, firstTo.set(link.to, i));
    sound.push(link);
    soundAt.push(i);
  });
  checkAcyclic(doc, sound, soundAt, report);
}

function checkAcyclic(
  doc: MapDocument,
  sound: readonly Link[],
  soundAt: readonly number[],
  report: Report,
): void {
  const { closing, unchecked, cycleThrough } = findClosingLinks(doc.goals, sound);
  for (const { linkIndex, cycle } of closing.slice(0, MAX_CYCLES_LISTED)) {
    report(
      `links[${soundAt[linkIndex] ?? linkIndex}]`,
      `would create a cycle ${formatCycle(cycle)}`,
    );
  }
  const unlisted = closing.slice(MAX_CYCLES_LISTED);
  const [next] = unlisted;
  if (next !== undefined) {
    report(
      `links[${soundAt[next.linkIndex] ?? next.linkIndex}]`,
      `${unlisted.length} more links, this one first, would each create a cycle (the first ${MAX_CYCLES_LISTED} are listed)`,
    );
  }
  const [first] = unchecked;
  if (first !== undefined) {
    report(
      `links[${soundAt[first] ?? first}]`,
      `lies on a cycle ${formatCycle(cycleThrough(first))}; ${unchecked.length - 1} more links ` +
        'on cycles were not checked one by one',
    );
  }
}

function formatCycle(cycle: readonly GoalId[]): string {
  if (cycle.length <= MAX_CYCLE_GOALS_SHOWN) return cycle.join(' → ');
  const head = cycle.slice(0, MAX_CYCLE_GOALS_SHOWN / 2);
  const tail = cycle.slice(cycle.length - MAX_CYCLE_GOALS_SHOWN / 2);
  const hidden = cycle.length - head.length - tail.length;
  return [...head, `… ${hidden} more …`, ...tail].join(' → ');
}

function checkIncentives(incentives: readonly Incentive[], refs: References, report: Report): void {
  const firstByTie = new Map<string, number>();
  incentives.forEach((incentive, i) => {
    const at = `incentives[${i}]`;
    const { stakeholderId, goalId, kind } = incentive;
    if (!refs.stakeholderIds.has(stakeholderId)) {
      report(`${at}.stakeholderId`, `unknown stakeholder "${stakeholderId}"`);
    }
    if (!refs.goalIds.has(goalId)) report(`${at}.goalId`, `unknown goal "${goalId}"`);
    const tie = JSON.stringify([stakeholderId, goalId, kind]);
    const first = firstByTie.get(tie);
    if (first === undefined) firstByTie.set(tie, i);
    else {
      report(
        at,
        `duplicate incentive: "${stakeholderId}" ${kind} on "${goalId}" (same as incentives[${first}])`,
      );
    }
  });
}

function checkConflict(conflict: Conflict, at: string, refs: References, report: Report): void {
  const parties = new Set<string>();
  conflict.parties.forEach((party, j) => {
    if (parties.has(party)) report(`${at}.parties[${j}]`, `duplicate party "${party}"`);
    else if (!refs.stakeholderIds.has(party)) {
      report(`${at}.parties[${j}]`, `unknown stakeholder "${party}"`);
    }
    parties.add(party);
  });
  // Fewer than two listed at all breaks the conflict's own rule, reported with the record's.
  if (parties.size < 2 && conflict.parties.length >= 2) {
    report(`${at}.parties`, `needs at least 2 different parties, got ${parties.size}`);
  }
  for (const key of Object.keys(conflict.perspectives)) {
    if (!parties.has(key)) report(`${at}.${formatPath(['perspectives', key])}`, 'not a party');
  }
  const agreed = conflict.agreedGoalId;
  if (agreed !== null && !refs.goalIds.has(agreed)) {
    report(`${at}.agreedGoalId`, `unknown goal "${agreed}"`);
  }
}
