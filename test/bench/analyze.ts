/**
 * `npm run analyze` on issue #13's big maps, measured as a user runs it: a separate process per
 * file, wall time and peak resident memory (GNU time), next to a baseline process in the same run
 * that only reads and parses the same file (JSON.parse). Then the alignment matrix alone, against
 * answering every pair with findCommonGround (sampled pairs, scaled to all pairs).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildAlignmentMatrix, buildGoalIndex, findCommonGround } from '../../src/domain/engine';
import type { MapDocument } from '../../src/domain/model';
import { exportMapJson } from '../../src/io/json';
import { bigOrganisation, deepChain } from './analyzeMaps';
import { ms, type BenchTable, type SuiteOptions } from './table';

interface AnalyzeCase {
  readonly name: string;
  readonly doc: MapDocument;
}

const GNU_TIME = '/usr/bin/time';
const PAIR_SAMPLE = 2_000;

function cases(smoke: boolean): AnalyzeCase[] {
  if (smoke) {
    return [
      { name: '1k goals × 100 people', doc: bigOrganisation(1_000, 100) },
      { name: '5k-deep chain, 50 people', doc: deepChain(5_000, 50) },
    ];
  }
  return [
    { name: '10k goals × 1,000 people', doc: bigOrganisation(10_000, 1_000) },
    { name: '10k goals × 2,000 people (the limit)', doc: bigOrganisation(10_000, 2_000) },
    { name: '50k-deep chain, 300 people', doc: deepChain(50_000, 300) },
  ];
}

/** Wall seconds and peak RSS of one process, from GNU time's `%e %M` on its last stderr line. */
function timed(command: readonly string[]): { seconds: number; peakMb: number } {
  const { stderr } = spawnSync(GNU_TIME, ['-f', '@@ %e %M', ...command], {
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  const line = stderr.split('\n').find((l) => l.startsWith('@@ ')) ?? '';
  const [, seconds = 'NaN', kb = 'NaN'] = line.split(' ');
  return { seconds: Number(seconds), peakMb: Number(kb) / 1024 };
}

function processTable(all: readonly AnalyzeCase[]): BenchTable {
  const dir = mkdtempSync(join(tmpdir(), 'bench-analyze-'));
  const tsx = join('node_modules', '.bin', 'tsx');
  const rows = all.map(({ name, doc }) => {
    const file = join(dir, `${doc.map.id}-${doc.stakeholders.length}.json`);
    writeFileSync(file, exportMapJson(doc));
    const cli = timed([tsx, 'src/cli/analyze.ts', file]);
    const parse = timed([
      'node',
      '-e',
      `JSON.parse(require('fs').readFileSync(${JSON.stringify(file)}, 'utf8'))`,
    ]);
    const mb = (megabytes: number) => megabytes.toFixed(0);
    return [
      name,
      doc.goals.length,
      doc.stakeholders.length,
      cli.seconds.toFixed(2),
      mb(cli.peakMb),
      parse.seconds.toFixed(2),
      mb(parse.peakMb),
    ];
  });
  return {
    title: 'npm run analyze: one process per map (wall time, peak RSS)',
    columns: ['map', 'goals', 'people', 'analyze s', 'analyze MB', 'JSON.parse s', 'JSON.parse MB'],
    rows,
    note: 'Baseline: a node process that only reads and JSON.parses the same file. Issue #13 measured the 50k chain at 14.8 s before the matrix shared its walks.',
  };
}

/** findCommonGround on a fixed sample of pairs, scaled to every pair of the map. */
function perPairEstimate(doc: MapDocument): number {
  const index = buildGoalIndex(doc);
  const ids = index.stakeholderIds;
  const n = ids.length;
  const pairs = (n * (n - 1)) / 2;
  const sampled = Math.min(PAIR_SAMPLE, pairs);
  const t0 = performance.now();
  for (let k = 0; k < sampled; k++) {
    const a = ids[k % n];
    const b = ids[(k * 7 + 1 + Math.floor(k / n)) % n];
    if (a && b && a !== b) findCommonGround(index, [a, b]);
  }
  return ((performance.now() - t0) / sampled) * pairs;
}

function matrixTable(all: readonly AnalyzeCase[]): BenchTable {
  const rows = all.map(({ name, doc }) => {
    const index = buildGoalIndex(doc);
    const t0 = performance.now();
    buildAlignmentMatrix(index);
    const matrix = performance.now() - t0;
    const perPair = perPairEstimate(doc);
    return [name, ms(matrix), ms(perPair), `${(perPair / matrix).toFixed(0)}×`];
  });
  return {
    title: 'Alignment matrix: shared walks vs one findCommonGround per pair',
    columns: ['map', 'matrix ms', 'per-pair ms (est.)', 'per-pair/matrix'],
    rows,
    note: `Per pair: ${PAIR_SAMPLE.toLocaleString('en-US')} sampled pairs, scaled to all pairs.`,
  };
}

export function run(options: SuiteOptions = {}): Promise<BenchTable[]> {
  const all = cases(options.smoke === true);
  const tables = [matrixTable(all)];
  // Without GNU time there is no peak RSS to report; the in-process table still stands.
  if (existsSync(GNU_TIME)) tables.unshift(processTable(all));
  return Promise.resolve(tables);
}
