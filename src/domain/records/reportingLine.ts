import { asReportingLineId, newId, type ReportingLineId, type StakeholderId } from '../ids';
import { ID, type RecordRules } from './rules';

/** "from reports to to": a stakeholder and their manager. Reporting lines form a forest. */
export interface ReportingLine {
  readonly id: ReportingLineId;
  readonly from: StakeholderId;
  readonly to: StakeholderId;
}

/** One manager each and no loop are rules between records (invariantsV2, setReportsTo). */
export const REPORTING_LINE_RULES = {
  id: ID,
  from: ID,
  to: ID,
} satisfies RecordRules<ReportingLine>;

export function newReportingLine(
  from: StakeholderId,
  to: StakeholderId,
  id?: ReportingLineId,
): ReportingLine {
  return { id: id ?? asReportingLineId(newId('r')), from, to };
}
