import {
  asGoalId,
  asReportingLineId,
  asStakeholderId,
  asTradeOffId,
  type StakeholderId,
} from './ids';
import type { ReportingLine, TradeOff } from './model';

/**
 * The example company's version 2 records (see exampleMap.ts): goal owners, the org chart and the
 * trade-offs. The trade-offs put every example conflict on the conflict radar, plus pairs nobody
 * has named yet (Sam and Tom: retention against margin); the org chart makes every conflict land
 * with the CEO, two levels up for product and customer success, who owns none of their goals.
 */

/** Who is accountable for each goal; KPIs without an entry have no owner named yet. */
const OWNERS: Readonly<Record<string, string>> = {
  'g-mission': 's-ceo',
  'g-grow-arr': 's-ceo',
  'g-retain': 's-head-cs',
  'g-profit': 's-cfo',
  'g-product': 's-head-product',
  'g-pipeline': 's-cmo',
  'g-win-deals': 's-vp-sales',
  'g-adoption': 's-head-product',
  'g-reliability': 's-cto',
  'g-gross-margin': 's-cfo',
  'g-operating-margin': 's-cfo',
};

/** The org chart: person → manager. Customer success sits under sales, product under the CTO. */
const REPORTS_TO: readonly (readonly [person: string, manager: string])[] = [
  ['s-cfo', 's-ceo'],
  ['s-vp-sales', 's-ceo'],
  ['s-cmo', 's-ceo'],
  ['s-cto', 's-ceo'],
  ['s-head-product', 's-cto'],
  ['s-head-cs', 's-vp-sales'],
];

/** Goals that pull against each other, one behind each conflict and one nobody named yet. */
const TRADE_OFFS: readonly (readonly [a: string, b: string, note: string])[] = [
  [
    'g-arr-growth',
    'g-operating-margin',
    'Hiring ahead of revenue grows faster and delays break-even',
  ],
  ['g-win-rate', 'g-gross-margin', 'A deeper discount wins the deal and lowers margin'],
  ['g-mqls', 'g-win-rate', 'A lower bar for a lead brings more leads and more lost deals'],
  ['g-feature-adoption', 'g-time-to-value', 'A sprint goes to new features or to onboarding fixes'],
  ['g-new-arr', 'g-weekly-active', 'Features promised in deals push out the work every team uses'],
  ['g-nrr', 'g-gross-margin', 'Saving an account at risk takes discounts and extra support'],
];

/** The owner of an example goal, or null when none is named. */
export function exampleOwner(goalId: string): StakeholderId | null {
  const owner = OWNERS[goalId];
  return owner === undefined ? null : asStakeholderId(owner);
}

export function exampleTradeOffs(): TradeOff[] {
  return TRADE_OFFS.map(([a, b, note]) => ({
    id: asTradeOffId(`t-${a.slice(2)}-${b.slice(2)}`),
    a: asGoalId(a),
    b: asGoalId(b),
    note,
  }));
}

export function exampleReportingLines(): ReportingLine[] {
  return REPORTS_TO.map(([person, manager]) => ({
    id: asReportingLineId(`r-${person.slice(2)}`),
    from: asStakeholderId(person),
    to: asStakeholderId(manager),
  }));
}
