/**
 * A deterministic, company-shaped map for the browser and layout benchmarks: one mission, a few
 * objectives, sub-objectives below them, KPIs below those (some KPIs driving other KPIs), about 5%
 * of goals contributing to a second parent, and ~40 stakeholders with incentives. The same size
 * always gives the same map, so runs on different days compare.
 */
import {
  STAKEHOLDER_COLORS,
  createEmptyMap,
  newConflict,
  newGoal,
  newIncentive,
  newLink,
  newStakeholder,
} from '../../../src/domain/factories';
import {
  asConflictId,
  asGoalId,
  asIncentiveId,
  asLinkId,
  asMapId,
  asStakeholderId,
} from '../../../src/domain/ids';
import { checkInvariants } from '../../../src/domain/invariants';
import { INCENTIVE_KINDS } from '../../../src/domain/model';
import type { Goal, Incentive, Link, MapDocument, Stakeholder } from '../../../src/domain/model';

/** Small, fast, seedable PRNG (mulberry32): Math.random would make every run a different map. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const AREAS = ['Sales', 'Marketing', 'Product', 'Engineering', 'Customer success', 'Finance'];
const REGIONS = ['EMEA', 'North America', 'LATAM', 'APAC'];
const OBJECTIVE_VERBS = ['Grow', 'Improve', 'Reduce', 'Speed up', 'Protect', 'Simplify'];
const OBJECTIVE_NOUNS = [
  'pipeline',
  'adoption',
  'retention',
  'margin',
  'reliability',
  'onboarding',
];
const KPI_NAMES: readonly (readonly [title: string, unit: string, up: boolean])[] = [
  ['New ARR', '€k', true],
  ['Win rate', '%', true],
  ['Logo churn', '%', false],
  ['Net revenue retention', '%', true],
  ['Time to first value', 'days', false],
  ['Weekly active teams', '', true],
  ['Cloud cost per customer', '€', false],
  ['Lead time for changes', 'hours', false],
  ['Qualified leads', '', true],
  ['Support backlog', 'tickets', false],
];
const ROLES = ['VP', 'Head', 'Director', 'Lead', 'Manager'];

/** Share of non-mission goals that also contribute to a second parent (multi-parent goals). */
const MULTI_PARENT_SHARE = 0.05;
const STAKEHOLDER_COUNT = 40;

const pick = <T>(items: readonly T[], i: number): T => {
  const item = items[i % items.length];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
};

interface Tree {
  readonly goals: Goal[];
  readonly links: Link[];
  /** Goal ids by depth (0 = mission), used to give goals a second parent one level up. */
  readonly levels: Goal[][];
}

/** How many goals each level holds for a map of `size` goals: 1 / ~1% / ~9% / the rest. */
function levelSizes(size: number): number[] {
  const objectives = Math.max(2, Math.round(size / 100));
  const subObjectives = Math.max(objectives, Math.round(size * 0.09));
  const kpis = size - 1 - objectives - subObjectives;
  // A fifth of the KPIs are driver KPIs one level further down, as in real KPI trees.
  const drivers = Math.floor(kpis / 5);
  return [1, objectives, subObjectives, kpis - drivers, drivers];
}

function goalAt(level: number, n: number, random: () => number): Goal {
  const id = asGoalId(`g${level}-${n}`);
  const area = pick(AREAS, n);
  const region = pick(REGIONS, Math.floor(n / AREAS.length));
  if (level === 0) return newGoal({ id, kind: 'mission', title: 'Every team decides with data' });
  if (level <= 2) {
    const title = `${pick(OBJECTIVE_VERBS, n + level)} ${pick(OBJECTIVE_NOUNS, n)}: ${area}, ${region} #${n}`;
    return newGoal({ id, kind: 'objective', title, description: `Why ${area} cares.` });
  }
  const [name, unit, up] = pick(KPI_NAMES, n);
  const current = Math.round(random() * 1000) / 10;
  const metric = {
    unit,
    current,
    target: Math.round(current * 1.2),
    direction: up ? 'up' : 'down',
  } as const;
  return newGoal({ id, kind: 'kpi', title: `${name} (${area}, ${region}) #${level}-${n}`, metric });
}

/** Goals level by level, each linked to a parent spread evenly over the level above. */
function buildTree(size: number, random: () => number): Tree {
  const goals: Goal[] = [];
  const links: Link[] = [];
  const levels: Goal[][] = [];
  levelSizes(size).forEach((count, level) => {
    const above = levels[level - 1] ?? [];
    const row = Array.from({ length: count }, (_, n) => goalAt(level, n, random));
    row.forEach((goal, n) => {
      const parent = above[Math.floor((n * above.length) / count)];
      if (parent) links.push(newLink(goal.id, parent.id, asLinkId(`l${links.length}`)));
    });
    levels.push(row);
    goals.push(...row);
  });
  return { goals, links, levels };
}

/**
 * Second parents, always one level up from the goal, so they can never close a cycle (links only
 * ever point from a deeper level to a shallower one).
 */
function addSecondParents(tree: Tree, random: () => number): void {
  const linked = new Set(tree.links.map((l) => `${l.from}>${l.to}`));
  const extra = Math.round((tree.goals.length - 1) * MULTI_PARENT_SHARE);
  for (let added = 0, tries = 0; added < extra && tries < extra * 20; tries++) {
    const level = 2 + Math.floor(random() * (tree.levels.length - 2));
    const [row, above] = [tree.levels[level] ?? [], tree.levels[level - 1] ?? []];
    const goal = row[Math.floor(random() * row.length)];
    const parent = above[Math.floor(random() * above.length)];
    if (!goal || !parent || linked.has(`${goal.id}>${parent.id}`)) continue;
    linked.add(`${goal.id}>${parent.id}`);
    tree.links.push(newLink(goal.id, parent.id, asLinkId(`l${tree.links.length}`)));
    added++;
  }
}

function buildPeople(
  goals: readonly Goal[],
  random: () => number,
): { stakeholders: Stakeholder[]; incentives: Incentive[] } {
  const stakeholders: Stakeholder[] = [];
  const incentives: Incentive[] = [];
  for (let s = 0; s < STAKEHOLDER_COUNT; s++) {
    const area = pick(AREAS, s);
    const person = newStakeholder({
      id: asStakeholderId(`s${s}`),
      name: `${pick(ROLES, Math.floor(s / AREAS.length))} of ${area} ${s}`,
      role: `${pick(ROLES, s)} ${area}`,
      team: area,
      color: pick(STAKEHOLDER_COLORS, s),
    });
    stakeholders.push(person);
    // Two to five incentives each: what this person is measured, rewarded and motivated by.
    const count = 2 + Math.floor(random() * 4);
    for (let k = 0; k < count; k++) {
      const goal = goals[1 + Math.floor(random() * (goals.length - 1))];
      if (!goal) continue;
      incentives.push(
        newIncentive({
          id: asIncentiveId(`i${incentives.length}`),
          stakeholderId: person.id,
          goalId: goal.id,
          kind: pick(INCENTIVE_KINDS, k),
          weight: Math.round(random() * 10) / 10,
          note: k === 0 ? `${Math.round(random() * 60)}% of bonus` : '',
        }),
      );
    }
  }
  return { stakeholders, incentives };
}

/** The benchmark map with `size` goals; throws if it would break a document invariant. */
export function generateMap(size: number): MapDocument {
  const random = seeded(size);
  const tree = buildTree(size, random);
  addSecondParents(tree, random);
  const { stakeholders, incentives } = buildPeople(tree.goals, random);
  const conflicts = Array.from({ length: 6 }, (_, c) =>
    newConflict({
      id: asConflictId(`c${c}`),
      title: `Budget dispute ${c}`,
      parties: [asStakeholderId(`s${2 * c}`), asStakeholderId(`s${2 * c + 7}`)],
    }),
  );
  const empty = createEmptyMap(`Bench company, ${size} goals`, '2026-01-01T00:00:00.000Z');
  const doc: MapDocument = {
    ...empty,
    map: { ...empty.map, id: asMapId(`bench-${size}`) },
    goals: tree.goals,
    links: tree.links,
    stakeholders,
    incentives,
    conflicts,
  };
  const problems = checkInvariants(doc);
  if (problems.length > 0) {
    throw new Error(`generated map breaks invariants: ${JSON.stringify(problems.slice(0, 3))}`);
  }
  return doc;
}
