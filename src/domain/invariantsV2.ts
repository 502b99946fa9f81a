import type { StakeholderId } from './ids';
import type { Report } from './invariants';
import type { ReportingLine, TradeOff } from './model';

/** Rules for the records file format v2 added: trade-offs and reporting lines. */

/** Known goals, two different ones, one trade-off per pair whichever way round. */
export function checkTradeOffs(
  tradeOffs: readonly TradeOff[],
  goalIds: ReadonlySet<string>,
  report: Report,
): void {
  const firstByPair = new Map<string, number>();
  tradeOffs.forEach((t, i) => {
    const at = `tradeOffs[${i}]`;
    const knownA = goalIds.has(t.a);
    const knownB = goalIds.has(t.b);
    if (!knownA) report(`${at}.a`, `unknown goal "${t.a}"`);
    if (!knownB) report(`${at}.b`, `unknown goal "${t.b}"`);
    if (!knownA || !knownB) return;
    if (t.a === t.b) {
      report(at, `goal "${t.a}" trades off against itself`);
      return;
    }
    const pair = JSON.stringify(t.a < t.b ? [t.a, t.b] : [t.b, t.a]);
    const first = firstByPair.get(pair);
    if (first === undefined) firstByPair.set(pair, i);
    else
      report(at, `duplicate trade-off between "${t.a}" and "${t.b}" (same as tradeOffs[${first}])`);
  });
}

/** Known people, one manager each, nobody their own manager, no loop. */
export function checkReportingLines(
  lines: readonly ReportingLine[],
  stakeholderIds: ReadonlySet<string>,
  report: Report,
): void {
  const sound: ReportingLine[] = [];
  const firstFrom = new Map<StakeholderId, number>();
  lines.forEach((line, i) => {
    const at = `reportingLines[${i}]`;
    const knownFrom = stakeholderIds.has(line.from);
    const knownTo = stakeholderIds.has(line.to);
    if (!knownFrom) report(`${at}.from`, `unknown stakeholder "${line.from}"`);
    if (!knownTo) report(`${at}.to`, `unknown stakeholder "${line.to}"`);
    if (!knownFrom || !knownTo) return;
    if (line.from === line.to) {
      report(at, `stakeholder "${line.from}" reports to themselves`);
      return;
    }
    const first = firstFrom.get(line.from);
    if (first !== undefined) {
      report(at, `"${line.from}" already reports to someone (reportingLines[${first}])`);
      return;
    }
    firstFrom.set(line.from, i);
    sound.push(line);
  });
  reportLoops(sound, lines, report);
}

/**
 * Each loop once, at the line of the member first in file order. Linear: every person is walked
 * once (one manager each makes the lines a functional graph, whose loops a single pass finds).
 */
function reportLoops(
  sound: readonly ReportingLine[],
  lines: readonly ReportingLine[],
  report: Report,
): void {
  const managerOf = new Map<StakeholderId, StakeholderId>(sound.map((r) => [r.from, r.to]));
  const lineOf = new Map<StakeholderId, number>();
  lines.forEach((l, i) => {
    if (!lineOf.has(l.from)) lineOf.set(l.from, i);
  });
  const done = new Set<StakeholderId>();
  for (const line of sound) {
    const walk: StakeholderId[] = [];
    const onWalk = new Map<StakeholderId, number>();
    let current: StakeholderId | undefined = line.from;
    while (current !== undefined && !done.has(current) && !onWalk.has(current)) {
      onWalk.set(current, walk.length);
      walk.push(current);
      current = managerOf.get(current);
    }
    const loopStart = current === undefined ? undefined : onWalk.get(current);
    for (const person of walk) done.add(person);
    if (loopStart === undefined) continue;
    const loop = walk.slice(loopStart);
    const at = loop.reduce((min, p) => Math.min(min, lineOf.get(p) ?? min), lines.length);
    report(`reportingLines[${at}]`, `lies on a reporting loop ${[...loop, current].join(' → ')}`);
  }
}
