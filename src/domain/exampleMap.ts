import { asConflictId, asGoalId, asIncentiveId, asLinkId, asMapId, asStakeholderId } from './ids';
import { exampleOwner, exampleReportingLines, exampleTradeOffs } from './exampleOrgChart';
import {
  perspectivesRecord,
  type Conflict,
  type Direction,
  type Goal,
  type GoalKind,
  type Incentive,
  type IncentiveKind,
  type Link,
  type MapDocument,
  type Stakeholder,
} from './model';

/**
 * The starter map a new user sees first: Northwind Analytics, a B2B SaaS company. Its conflicts
 * are chosen to show every kind of answer: a pair that already shares a goal, pairs that must
 * climb two levels, a pair with several lowest common goals, and three parties meeting only at the
 * mission; its trade-offs and org chart are in exampleOrgChart.ts. Ids are stable so tests, docs
 * and the CLI can name them.
 */
type GoalRow = readonly [id: string, kind: GoalKind, title: string, parents: readonly string[]];
type MetricRow = readonly [unit: string, current: number, target: number, direction: Direction];

const GOALS: readonly GoalRow[] = [
  ['g-mission', 'mission', 'Every mid-market team decides with trustworthy data', []],
  ['g-grow-arr', 'objective', 'Grow ARR efficiently', ['g-mission']],
  ['g-retain', 'objective', 'Customers stay and expand', ['g-mission']],
  ['g-profit', 'objective', 'Profitable, durable growth', ['g-mission']],
  ['g-product', 'objective', 'A product teams rely on every day', ['g-mission']],
  ['g-pipeline', 'objective', 'Build qualified pipeline', ['g-grow-arr']],
  ['g-win-deals', 'objective', 'Win the right deals', ['g-grow-arr']],
  ['g-adoption', 'objective', 'Drive product adoption', ['g-product', 'g-retain']],
  ['g-reliability', 'objective', 'Run a reliable platform', ['g-product']],
  ['g-arr-growth', 'kpi', 'ARR growth rate', ['g-grow-arr']],
  ['g-new-arr', 'kpi', 'New ARR', ['g-win-deals']],
  ['g-win-rate', 'kpi', 'Win rate', ['g-win-deals']],
  ['g-mqls', 'kpi', 'Marketing-qualified leads', ['g-pipeline']],
  ['g-sourced-pipeline', 'kpi', 'Marketing-sourced pipeline', ['g-pipeline']],
  ['g-cac-payback', 'kpi', 'CAC payback', ['g-grow-arr', 'g-profit']],
  ['g-gross-margin', 'kpi', 'Gross margin', ['g-profit']],
  ['g-operating-margin', 'kpi', 'Operating margin', ['g-profit']],
  ['g-cloud-cost', 'kpi', 'Cloud cost per customer', ['g-gross-margin']],
  ['g-nrr', 'kpi', 'Net revenue retention', ['g-retain', 'g-grow-arr']],
  ['g-logo-churn', 'kpi', 'Logo churn', ['g-retain']],
  ['g-time-to-value', 'kpi', 'Time to first dashboard', ['g-adoption']],
  ['g-weekly-active', 'kpi', 'Weekly active teams', ['g-adoption']],
  ['g-feature-adoption', 'kpi', 'New feature adoption', ['g-adoption']],
  ['g-self-serve', 'kpi', 'Self-serve expansion ARR', ['g-grow-arr']],
  ['g-uptime', 'kpi', 'Uptime', ['g-reliability']],
  ['g-lead-time', 'kpi', 'Lead time for changes', ['g-product']],
];

const DESCRIPTIONS: Readonly<Record<string, string>> = {
  'g-mission': 'Why Northwind exists.',
  'g-grow-arr': 'Revenue growth that pays for itself.',
  'g-retain': 'Renewals and upsell from teams who rely on us.',
  'g-profit': 'Break even without slowing down.',
  'g-product': 'Useful, fast and always up.',
  'g-pipeline': 'Enough of the right conversations.',
  'g-win-deals': 'Close customers who will succeed.',
  'g-adoption': 'Teams get value early and keep using it.',
  'g-reliability': 'Dashboards load when the board meeting starts.',
  'g-arr-growth': 'Year over year.',
  'g-new-arr': 'Annual recurring revenue from new logos per quarter.',
  'g-win-rate': 'Qualified opportunities won.',
  'g-mqls': 'Per month.',
  'g-sourced-pipeline': 'Opportunity value per quarter.',
  'g-cac-payback': 'Months of gross margin to earn back acquisition cost.',
  'g-gross-margin': 'Subscription revenue less hosting and support.',
  'g-operating-margin': 'The number the board watches.',
  'g-cloud-cost': 'Monthly hosting cost per paying account.',
  'g-nrr': 'Expansion minus churn and contraction.',
  'g-logo-churn': 'Customers lost per year.',
  'g-time-to-value': 'Days from signature to a shared dashboard.',
  'g-weekly-active': 'Share of paying teams active each week.',
  'g-feature-adoption': 'Teams using a feature within 90 days of launch.',
  'g-self-serve': 'Upgrades bought in the product, per quarter.',
  'g-uptime': 'Monthly, excluding announced maintenance.',
  'g-lead-time': 'Commit to production, median.',
};

const METRICS: Readonly<Record<string, MetricRow>> = {
  'g-arr-growth': ['%', 38, 45, 'up'],
  'g-new-arr': ['€k', 2400, 3600, 'up'],
  'g-win-rate': ['%', 22, 28, 'up'],
  'g-mqls': ['leads', 850, 1200, 'up'],
  'g-sourced-pipeline': ['€k', 5200, 8000, 'up'],
  'g-cac-payback': ['months', 19, 14, 'down'],
  'g-gross-margin': ['%', 71, 78, 'up'],
  'g-operating-margin': ['%', -8, 5, 'up'],
  'g-cloud-cost': ['€', 310, 220, 'down'],
  'g-nrr': ['%', 104, 115, 'up'],
  'g-logo-churn': ['%', 11, 7, 'down'],
  'g-time-to-value': ['days', 9, 3, 'down'],
  'g-weekly-active': ['%', 46, 60, 'up'],
  'g-feature-adoption': ['%', 18, 30, 'up'],
  'g-self-serve': ['€k', 140, 300, 'up'],
  'g-uptime': ['%', 99.82, 99.95, 'up'],
  'g-lead-time': ['days', 6, 2, 'down'],
};

type IncentiveRow = readonly [
  goal: string,
  kind: IncentiveKind,
  weight: number | null,
  note: string,
];

interface StakeholderRow extends Omit<Stakeholder, 'id' | 'position'> {
  readonly id: string;
  readonly incentives: readonly IncentiveRow[];
}

const STAKEHOLDERS: readonly StakeholderRow[] = [
  {
    ...person('s-ceo', 'Maya Lindqvist', 'CEO', 'Leadership', '#1864ab'),
    notes: 'Promised the board break-even by Q4 without slowing growth.',
    incentives: [
      ['g-arr-growth', 'rewarded', 0.5, 'Half of the board bonus is ARR growth.'],
      ['g-operating-margin', 'rewarded', 0.5, 'The other half is a break-even operating margin.'],
      ['g-mission', 'motivated', null, 'Founded the company to end spreadsheet reporting.'],
    ],
  },
  {
    ...person('s-cfo', 'Tom Okafor', 'CFO', 'Finance', '#c2410c'),
    notes: 'Owns the plan; signs off every discount above 15%.',
    incentives: [
      ['g-gross-margin', 'measured', 0.4, 'Measured on gross margin.'],
      ['g-operating-margin', 'rewarded', 0.4, 'Bonus tied to the operating margin plan.'],
      ['g-cac-payback', 'measured', 0.2, 'Investors ask about CAC payback every quarter.'],
    ],
  },
  {
    ...person('s-vp-sales', 'Dana Reyes', 'VP Sales', 'Sales', '#2b7a3b'),
    notes: 'Team of 24 account executives; quota is set on new ARR only.',
    incentives: [
      ['g-new-arr', 'rewarded', 0.6, 'Rewarded on new bookings: 60% of bonus is new ARR.'],
      ['g-win-rate', 'measured', 0.4, 'Forecast reviews start with win rate.'],
    ],
  },
  {
    ...person('s-cmo', 'Priya Natarajan', 'CMO', 'Marketing', '#9c36b5'),
    notes: 'Reports lead numbers to the board every month.',
    incentives: [
      ['g-sourced-pipeline', 'rewarded', 0.5, 'Half of bonus is marketing-sourced pipeline.'],
      ['g-mqls', 'measured', 0.5, 'The monthly board slide shows MQLs.'],
    ],
  },
  {
    ...person('s-cto', 'Jonas Weber', 'CTO', 'Engineering', '#0b7285'),
    notes: 'Still paged at night when the ingest pipeline falls over.',
    incentives: [
      ['g-uptime', 'measured', 0.5, 'Measured on uptime against the 99.95% SLA.'],
      ['g-cloud-cost', 'rewarded', 0.3, '30% of bonus on cutting cloud cost per customer.'],
      ['g-lead-time', 'motivated', 0.2, 'Wants engineers shipping daily, not fighting fires.'],
    ],
  },
  {
    ...person('s-head-product', 'Lea Martin', 'Head of Product', 'Product', '#c2255c'),
    notes: 'Runs discovery with ten design-partner customers.',
    incentives: [
      ['g-feature-adoption', 'measured', 0.5, 'Measured on adoption of what the team ships.'],
      ['g-weekly-active', 'measured', 0.2, 'Weekly active teams is the product north star.'],
      ['g-self-serve', 'rewarded', 0.3, 'Bonus includes in-product upgrade revenue.'],
    ],
  },
  {
    ...person(
      's-head-cs',
      'Sam Fischer',
      'Head of Customer Success',
      'Customer Success',
      '#3b3fc4',
    ),
    notes: 'Sees every renewal at risk first.',
    incentives: [
      ['g-nrr', 'rewarded', 0.4, '40% of bonus is net revenue retention.'],
      ['g-logo-churn', 'measured', 0.4, 'Every lost logo gets a post-mortem.'],
      ['g-time-to-value', 'measured', 0.2, 'Owns onboarding: days to the first shared dashboard.'],
    ],
  },
];

function person(id: string, name: string, role: string, team: string, color: string) {
  return { id, name, role, team, color };
}

interface ConflictRow {
  readonly id: string;
  readonly title: string;
  readonly perspectives: readonly (readonly [party: string, view: string])[];
  readonly agreedGoalId: string | null;
  readonly notes: string;
}

const CONFLICTS: readonly ConflictRow[] = [
  {
    id: 'c-hiring-plan',
    title: 'Hiring ahead of the plan',
    perspectives: [
      ['s-ceo', 'We need the sales team in place before the market moves.'],
      ['s-cfo', 'Every hire before the revenue arrives pushes break-even out a quarter.'],
    ],
    agreedGoalId: 'g-operating-margin',
    notes: 'Agreed to hire against the operating margin plan, quarter by quarter.',
  },
  {
    id: 'c-discounting',
    title: 'Discounting at quarter end',
    perspectives: [
      ['s-vp-sales', 'A 25% discount closes the deal this quarter; without it we miss the number.'],
      ['s-cfo', 'Deep discounts make those customers take two years to pay back.'],
    ],
    agreedGoalId: null,
    notes: 'Comes back every quarter end.',
  },
  {
    id: 'c-lead-quality',
    title: 'Lead volume versus lead quality',
    perspectives: [
      ['s-cmo', 'We doubled MQLs; sales does not follow them up.'],
      ['s-vp-sales', 'Most of those leads are students and competitors.'],
    ],
    agreedGoalId: null,
    notes: '',
  },
  {
    id: 'c-roadmap',
    title: 'Upsell features or onboarding fixes',
    perspectives: [
      ['s-head-product', 'The roadmap is for new features that expand accounts.'],
      ['s-head-cs', 'Customers churn before they ever reach those features.'],
    ],
    agreedGoalId: null,
    notes: 'Quarterly planning is in two weeks.',
  },
  {
    id: 'c-enterprise-sso',
    title: 'The SSO deal promised before it exists',
    perspectives: [
      ['s-vp-sales', 'The biggest deal of the year needs SSO by March.'],
      ['s-head-product', 'SSO was never on the roadmap and pushes out adoption work.'],
      ['s-cto', 'Rushing it means a security review we cannot skip.'],
    ],
    agreedGoalId: null,
    notes: '',
  },
];

export function createExampleMap(now: string): MapDocument {
  return {
    map: {
      id: asMapId('m-northwind'),
      name: 'Northwind Analytics',
      description:
        'Example map: a B2B SaaS company, its KPI tree, its leaders and their incentives.',
      createdAt: now,
      updatedAt: now,
    },
    goals: GOALS.map(toGoal),
    links: GOALS.flatMap(toLinks),
    stakeholders: STAKEHOLDERS.map(toStakeholder),
    incentives: STAKEHOLDERS.flatMap(toIncentives),
    conflicts: CONFLICTS.map(toConflict),
    tradeOffs: exampleTradeOffs(),
    reportingLines: exampleReportingLines(),
  };
}

function toGoal([id, kind, title]: GoalRow): Goal {
  const m = METRICS[id];
  const description = DESCRIPTIONS[id] ?? '';
  const metric = m ? { unit: m[0], current: m[1], target: m[2], direction: m[3] } : null;
  return {
    id: asGoalId(id),
    title,
    kind,
    description,
    metric,
    position: null,
    owner: exampleOwner(id),
  };
}

function toLinks([id, , , parents]: GoalRow): Link[] {
  return parents.map((parent) => ({
    id: asLinkId(`l-${id.slice(2)}-${parent.slice(2)}`),
    from: asGoalId(id),
    to: asGoalId(parent),
  }));
}

function toStakeholder({ id, name, role, team, color, notes }: StakeholderRow): Stakeholder {
  return { id: asStakeholderId(id), name, role, team, color, notes, position: null };
}

function toIncentives({ id: stakeholder, incentives }: StakeholderRow): Incentive[] {
  return incentives.map(([goal, kind, weight, note]) => ({
    id: asIncentiveId(`i-${stakeholder.slice(2)}-${goal.slice(2)}`),
    stakeholderId: asStakeholderId(stakeholder),
    goalId: asGoalId(goal),
    kind,
    weight,
    note,
  }));
}

function toConflict(row: ConflictRow): Conflict {
  return {
    id: asConflictId(row.id),
    title: row.title,
    parties: row.perspectives.map(([party]) => asStakeholderId(party)),
    status: row.agreedGoalId === null ? 'open' : 'resolved',
    perspectives: perspectivesRecord(row.perspectives),
    agreedGoalId: row.agreedGoalId === null ? null : asGoalId(row.agreedGoalId),
    notes: row.notes,
  };
}
