import { newReportingLine } from '../factories';
import type { ReportingLineId, StakeholderId } from '../ids';
import type { MapDocument } from '../model';
import { managerChain } from '../reportingLines';
import { ok } from '../result';
import { invalid, notFound } from './errors';
import type { CommandResult } from './errors';
import { brokenRules, REPORTING_LINE_RULES } from '../records';
import { hasId, refuseBroken } from './records';

/**
 * Says whom `stakeholderId` reports to (null: nobody). A person has at most one manager, so this
 * replaces any earlier line. A line that would close a loop is refused with the people on it named
 * in order ("Maya → Tom → Maya"), so the reporting lines stay a forest the engine can climb.
 */
export function setReportsTo(
  doc: MapDocument,
  stakeholderId: StakeholderId,
  managerId: StakeholderId | null,
  id?: ReportingLineId,
): CommandResult {
  if (!hasId(doc.stakeholders, stakeholderId)) return notFound('stakeholder', stakeholderId);
  const others = doc.reportingLines.filter((r) => r.from !== stakeholderId);
  if (managerId === null) return ok({ ...doc, reportingLines: others });
  if (!hasId(doc.stakeholders, managerId)) return notFound('stakeholder', managerId);
  const name = stakeholderNames(doc);
  if (managerId === stakeholderId) {
    return invalid('reportsTo', `${name(stakeholderId)} cannot report to themselves.`);
  }
  const chain = managerChain(others, managerId);
  if (chain.includes(stakeholderId)) {
    const loop = [stakeholderId, managerId, ...chain.slice(0, chain.indexOf(stakeholderId) + 1)];
    return invalid(
      'reportsTo',
      `${name(stakeholderId)} cannot report to ${name(managerId)}: that would make a reporting ` +
        `loop ${loop.map(name).join(' → ')}.`,
    );
  }
  if (id !== undefined && hasId(doc.reportingLines, id)) {
    return invalid('id', `There is already a reporting line with id "${id}".`);
  }
  const line = newReportingLine(stakeholderId, managerId, id);
  return (
    refuseBroken(brokenRules(line, REPORTING_LINE_RULES)) ??
    ok({ ...doc, reportingLines: [...others, line] })
  );
}

function stakeholderNames(doc: MapDocument): (id: StakeholderId) => string {
  const names = new Map<StakeholderId, string>(doc.stakeholders.map((s) => [s.id, s.name]));
  return (id) => names.get(id) ?? id;
}
