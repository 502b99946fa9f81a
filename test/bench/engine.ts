/**
 * Nearest-common-goal engine on layered random DAGs of 1k/10k/100k goals with 100 stakeholders,
 * against the brute-force reading of the definition (test/unit/domain/bruteForce.ts) on the same
 * queries in the same run.
 */
import {
  buildAlignmentMatrix,
  buildGoalIndex,
  findCommonGround,
  type GoalIndex,
} from '../../src/domain/engine';
import { asGoalId, asIncentiveId, asLinkId, asMapId, asStakeholderId } from '../../src/domain/ids';
import type { StakeholderId } from '../../src/domain/ids';
import type { Goal, Incentive, Link, MapDocument, Stakeholder } from '../../src/domain/model';
import { bruteAlignmentMatrix, bruteCommonGround } from '../unit/domain/bruteForce';
import { ms, percentile, samplerFor } from './table';
import type { BenchTable, Sampler, SuiteOptions } from './table';

const STAKEHOLDERS = 100;
const QUERIES = 500;
const BRANCHING = 6;
const SECOND_PARENT_SHARE = 0.05;
const SIZES = [1_000, 10_000, 100_000] as const;
/** The brute force rescans every link per level, so the biggest map gets fewer runs. */
const BRUTE_QUERIES: Readonly<Record<number, number>> = { 1000: 500, 10000: 200, 100000: 20 };

/** mulberry32: a tiny seeded PRNG, so every run measures the same maps and queries. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Layers of BRANCHING^k goals under one mission; every goal has a parent in the layer above and
 * about 5% get a second parent anywhere higher up, as real KPI trees share a few KPIs.
 */
export function layeredMap(goalCount: number, random: () => number): MapDocument {
  const pick = (from: number, to: number) => from + Math.floor(random() * (to - from));
  const goals: Goal[] = [];
  const links: Link[] = [];
  const link = (child: number, parent: number) =>
    links.push({
      id: asLinkId(`l${child}-${parent}`),
      from: asGoalId(`g${child}`),
      to: asGoalId(`g${parent}`),
    });
  // The layer above the goal being created spans [aboveStart, layerStart).
  let aboveStart = 0;
  let layerStart = 1;
  let layerEnd = 1 + BRANCHING;
  for (let i = 0; i < goalCount; i++) {
    if (i === layerEnd) {
      [aboveStart, layerStart, layerEnd] = [
        layerStart,
        layerEnd,
        layerEnd + (layerEnd - layerStart) * BRANCHING,
      ];
    }
    const kind = i === 0 ? 'mission' : aboveStart === 0 ? 'objective' : 'kpi';
    goals.push({
      id: asGoalId(`g${i}`),
      title: `Goal ${i % 997}`,
      kind,
      description: '',
      metric: null,
      position: null,
      owner: null,
    });
    if (i === 0) continue;
    const parent = pick(aboveStart, layerStart);
    link(i, parent);
    const second = pick(0, layerStart);
    if (second !== parent && random() < SECOND_PARENT_SHARE) link(i, second);
  }
  const stakeholders = Array.from({ length: STAKEHOLDERS }, (_, s) => benchStakeholder(s));
  const incentives: Incentive[] = stakeholders.flatMap((s, k) =>
    [
      ...new Set(Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(0, goalCount))),
    ].map((g) => ({
      id: asIncentiveId(`i${k}-${g}`),
      stakeholderId: s.id,
      goalId: asGoalId(`g${g}`),
      kind: 'measured' as const,
      weight: null,
      note: '',
    })),
  );
  const at = '2026-01-01T00:00:00.000Z';
  const map = {
    id: asMapId('m-bench'),
    name: 'Bench',
    description: '',
    createdAt: at,
    updatedAt: at,
  };
  return {
    map,
    goals,
    links,
    stakeholders,
    incentives,
    conflicts: [],
    tradeOffs: [],
    reportingLines: [],
  };
}

/** Stakeholder number s of a generated map. */
export const benchStakeholder = (s: number): Stakeholder => ({
  id: asStakeholderId(`s${s}`),
  name: `Stakeholder ${s}`,
  role: '',
  team: '',
  color: '#1864ab',
  notes: '',
  position: null,
});

interface BenchCase {
  readonly size: number;
  readonly doc: MapDocument;
  readonly index: GoalIndex;
  readonly random: () => number;
}

/** `count` sets of `parties` distinct stakeholders. */
function partySets(c: BenchCase, parties: number, count: number): StakeholderId[][] {
  const ids = c.doc.stakeholders.map((s) => s.id);
  return Array.from({ length: count }, () => {
    const chosen = new Set<StakeholderId>();
    while (chosen.size < parties) {
      const id = ids[Math.floor(c.random() * ids.length)];
      if (id) chosen.add(id);
    }
    return [...chosen];
  });
}

/** A function for `sample` that asks the next query on every call. */
function cycling<T>(items: readonly T[], use: (item: T) => unknown): () => unknown {
  let k = 0;
  return () => {
    const item = items[k++ % items.length];
    return item === undefined ? undefined : use(item);
  };
}

const ratio = (baseline: number, engine: number): string => `${(baseline / engine).toFixed(0)}×`;

function buildTable(cases: readonly BenchCase[], sample: Sampler): BenchTable {
  const rows = cases.map((c) => {
    const times = sample(() => buildGoalIndex(c.doc), 10, 2);
    return [c.size, c.doc.links.length, ms(percentile(times, 50)), ms(percentile(times, 95))];
  });
  return {
    title: 'Engine: buildGoalIndex (once per document revision)',
    columns: ['goals', 'links', 'p50 ms', 'p95 ms'],
    rows,
  };
}

function queryTable(cases: readonly BenchCase[], sample: Sampler): BenchTable {
  const rows = cases.flatMap((c) =>
    [2, 5].map((parties) => {
      const queries = partySets(c, parties, QUERIES);
      const engine = sample(
        cycling(queries, (q) => findCommonGround(c.index, q)),
        QUERIES * 2,
      );
      const bruteRuns = BRUTE_QUERIES[c.size] ?? 20;
      const brute = sample(
        cycling(queries, (q) => bruteCommonGround(c.doc, q)),
        bruteRuns,
        2,
      );
      const [e50, e95, b50, b95] = [
        percentile(engine, 50),
        percentile(engine, 95),
        percentile(brute, 50),
        percentile(brute, 95),
      ];
      return [
        c.size,
        parties,
        engine.length,
        ms(e50),
        ms(e95),
        brute.length,
        ms(b50),
        ms(b95),
        ratio(b50, e50),
      ];
    }),
  );
  return {
    title: 'Engine: findCommonGround on random parties (100 stakeholders, 1–3 incentives each)',
    columns: [
      'goals',
      'parties',
      'queries',
      'p50 ms',
      'p95 ms',
      'brute runs',
      'brute p50',
      'brute p95',
      'brute/engine p50',
    ],
    rows,
    note: 'Targets: query p95 ≤ 0.1 ms at 10k goals and ≤ 2 ms at 100k. Baseline: bruteForce.ts (sets, level-by-level link scans) on the same queries.',
  };
}

/** Every pair through findCommonGround: what the matrix would cost without sharing the walks. */
function pairwiseQueries(index: GoalIndex): void {
  const ids = index.stakeholderIds;
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const a = ids[i];
      const b = ids[j];
      if (a && b) findCommonGround(index, [a, b]);
    }
  }
}

function matrixTable(cases: readonly BenchCase[], sample: Sampler): BenchTable {
  const rows = cases
    .filter((c) => c.size <= 10_000)
    .map((c) => {
      const engine = sample(() => buildAlignmentMatrix(c.index), 20, 3);
      const [baseline, name] =
        c.size === 1_000
          ? [sample(() => bruteAlignmentMatrix(c.doc), 1, 0), 'bruteForce.ts matrix']
          : [sample(() => pairwiseQueries(c.index), 5, 1), '4,950 findCommonGround calls'];
      const [e50, b50] = [percentile(engine, 50), percentile(baseline, 50)];
      return [
        c.size,
        STAKEHOLDERS,
        ms(e50),
        ms(percentile(engine, 95)),
        name,
        baseline.length,
        ms(b50),
        ratio(b50, e50),
      ];
    });
  return {
    title: 'Engine: buildAlignmentMatrix (every pair of 100 stakeholders)',
    columns: [
      'goals',
      'stakeholders',
      'p50 ms',
      'p95 ms',
      'baseline',
      'baseline runs',
      'baseline p50',
      'baseline/engine p50',
    ],
    rows,
    note: 'Target: 100 stakeholders on a 10k-goal map ≤ 30 ms.',
  };
}

export function run(options: SuiteOptions = {}): Promise<BenchTable[]> {
  const sizes = options.smoke ? SIZES.slice(0, 1) : SIZES;
  const cases = sizes.map((size): BenchCase => {
    const random = seeded(size);
    const doc = layeredMap(size, random);
    return { size, doc, index: buildGoalIndex(doc), random };
  });
  const sample = samplerFor(options);
  return Promise.resolve([
    buildTable(cases, sample),
    queryTable(cases, sample),
    matrixTable(cases, sample),
  ]);
}
