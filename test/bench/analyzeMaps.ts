/**
 * The two map shapes issue #13 measured `npm run analyze` on: a big organisation (10k goals in a
 * layered DAG, 1,000 stakeholders) and a 50,000-goal chain whose leaf 300 people hold. Written
 * to files by `npx tsx test/bench/analyzeMaps.ts <dir>` for timing the CLI from outside.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { asGoalId, asIncentiveId, asLinkId, asMapId, asStakeholderId } from '../../src/domain/ids';
import type { Goal, Incentive, Link, MapDocument } from '../../src/domain/model';
import { exportMapJson } from '../../src/io/json';
import { benchStakeholder, layeredMap, seeded } from './engine';

const incentive = (s: number, g: number): Incentive => ({
  id: asIncentiveId(`i${s}-${g}`),
  stakeholderId: asStakeholderId(`s${s}`),
  goalId: asGoalId(`g${g}`),
  kind: 'measured',
  weight: null,
  note: '',
});

/** Two conflicts, so the output has answers as well as the matrix. */
function withPeople(
  doc: MapDocument,
  people: number,
  goalsOf: (s: number) => readonly number[],
): MapDocument {
  const stakeholders = Array.from({ length: people }, (_, s) => benchStakeholder(s));
  const incentives = stakeholders.flatMap((_, s) => goalsOf(s).map((g) => incentive(s, g)));
  const conflicts = [0, 1].map((k) => ({
    id: `c${k}` as MapDocument['conflicts'][number]['id'],
    title: `Conflict ${k}`,
    parties: [asStakeholderId(`s${k}`), asStakeholderId(`s${people - 1 - k}`)],
    status: 'open' as const,
    perspectives: {},
    agreedGoalId: null,
    notes: '',
  }));
  return { ...doc, stakeholders, incentives, conflicts };
}

/** A layered KPI DAG (the engine bench's shape) with `people` stakeholders on 1–3 goals each. */
export function bigOrganisation(goalCount: number, people: number, seed = 13): MapDocument {
  const random = seeded(seed);
  const doc = layeredMap(goalCount, random);
  return withPeople(doc, people, () => [
    ...new Set(
      Array.from({ length: 1 + Math.floor(random() * 3) }, () => Math.floor(random() * goalCount)),
    ),
  ]);
}

/** One mission held by every one of `people`: the cheapest map with a full matrix. */
export function manyPeopleOnOneGoal(people: number): MapDocument {
  const chain = deepChain(1, people);
  return { ...chain, map: { ...chain.map, id: asMapId('m-people'), name: 'People' } };
}

/** g0 is the mission, g(i+1) contributes to g(i); every person holds the leaf. */
export function deepChain(depth: number, people: number): MapDocument {
  const goals: Goal[] = Array.from({ length: depth }, (_, i) => ({
    id: asGoalId(`g${i}`),
    title: `Goal ${i}`,
    kind: i === 0 ? 'mission' : 'kpi',
    description: '',
    metric: null,
    position: null,
    owner: null,
  }));
  const links: Link[] = goals.slice(1).map((_, k) => ({
    id: asLinkId(`l${k + 1}`),
    from: asGoalId(`g${k + 1}`),
    to: asGoalId(`g${k}`),
  }));
  const at = '2026-01-01T00:00:00.000Z';
  const map = {
    id: 'm-chain' as MapDocument['map']['id'],
    name: 'Chain',
    description: '',
    createdAt: at,
    updatedAt: at,
  };
  return withPeople(
    {
      map,
      goals,
      links,
      stakeholders: [],
      incentives: [],
      conflicts: [],
      tradeOffs: [],
      reportingLines: [],
    },
    people,
    () => [depth - 1],
  );
}

const [dir] = process.argv.slice(2);
if (dir !== undefined && import.meta.url.endsWith(process.argv[1] ?? '')) {
  writeFileSync(join(dir, 'org-10k-1000.json'), exportMapJson(bigOrganisation(10_000, 1_000)));
  writeFileSync(join(dir, 'chain-50k-300.json'), exportMapJson(deepChain(50_000, 300)));
  writeFileSync(join(dir, 'org-10k-5000.json'), exportMapJson(bigOrganisation(10_000, 5_000)));
}
