/**
 * Auto layout time in node: computeLayout (what the layout worker runs) on the benchmark maps,
 * plus the structured clone of its input and output, which is what posting to and from the worker
 * costs on top, and the size of the whole laid-out map (what Fit view and a whole-map PNG show).
 */
import { toLayoutInput } from '../../../src/canvas/layoutInput';
import type { LayoutInput, LayoutPositions } from '../../../src/domain/layoutTypes';
import { computeLayout } from '../../../src/layout/layout';
import { ms, percentile, sample, type BenchTable, type SuiteOptions } from '../table';
import { generateMap } from './generator';

/** Issue 3 targets for a full auto layout, by goal count; 10,000 goals shows how it scales. */
const TARGET_MS: Readonly<Record<number, number>> = { 500: 300, 2000: 1000 };
const SIZES = [500, 2000, 10_000];
/** Timed runs after warm-up runs; a smoke run times one, cold. */
const RUNS = { timed: 5, warmup: 1 };
const SMOKE_RUNS = { timed: 1, warmup: 0 };
type Runs = typeof RUNS;

/**
 * Wall-clock and CPU milliseconds per run. CPU time is printed too because on a shared 2-core
 * machine other processes stretch wall time; CPU time is closer to what an idle laptop sees.
 */
function timeRuns(fn: () => unknown, runs: Runs): { wall: number[]; cpu: number[] } {
  for (let i = 0; i < runs.warmup; i++) fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs.timed; i++) {
    const [t0, c0] = [performance.now(), process.cpuUsage()];
    fn();
    const used = process.cpuUsage(c0);
    wall.push(performance.now() - t0);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall, cpu };
}

/** Width × height of the box around every node, in px at zoom 1. */
function extent(input: LayoutInput, positions: LayoutPositions): string {
  let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const n of [...input.goals, ...input.stakeholders]) {
    const p = positions[n.id];
    if (!p) continue;
    [left, top] = [Math.min(left, p.x), Math.min(top, p.y)];
    [right, bottom] = [Math.max(right, p.x + n.width), Math.max(bottom, p.y + n.height)];
  }
  return `${Math.round(right - left).toLocaleString('en')} × ${Math.round(bottom - top).toLocaleString('en')}`;
}

function measureSize(size: number, runs: Runs): (string | number)[][] {
  const input = toLayoutInput(generateMap(size));
  const { wall, cpu } = timeRuns(() => computeLayout(input), runs);
  const output = computeLayout(input);
  const clone = sample(
    () => [structuredClone(input), structuredClone(output)],
    runs.timed,
    runs.warmup,
  );
  const target = TARGET_MS[size];
  const p95 = percentile(wall, 95);
  const nodes = input.goals.length + input.stakeholders.length;
  const edges = input.links.length + input.incentives.length;
  return [
    [
      `computeLayout, ${size} goals`,
      `${nodes} / ${edges}`,
      ms(percentile(wall, 50)),
      ms(p95),
      ms(percentile(cpu, 50)),
      extent(input, output),
      target === undefined ? '–' : `≤ ${target}`,
      target === undefined ? '' : p95 <= target ? 'yes' : 'NO',
    ],
    [
      '  + worker messages (structuredClone in and out)',
      '',
      ms(percentile(clone, 50)),
      ms(percentile(clone, 95)),
      '',
      '',
      '',
      '',
    ],
  ];
}

export function run(options: SuiteOptions = {}): Promise<BenchTable[]> {
  const [sizes, runs] = options.smoke ? [SIZES.slice(0, 1), SMOKE_RUNS] : [SIZES, RUNS];
  return Promise.resolve([
    {
      title: 'Auto layout (node)',
      columns: [
        'case',
        'nodes / edges',
        'p50 ms',
        'p95 ms',
        'CPU p50 ms',
        'whole map px',
        'target ms',
        'met',
      ],
      rows: sizes.flatMap((size) => measureSize(size, runs)),
      note: `${runs.timed} runs after ${runs.warmup} warm-up, wall clock unless marked CPU; the maps are the browser bench's (test/bench/browser/generator.ts: ~5% of goals with two parents, 40 stakeholders with incentives). In the app this runs in a web worker; see the browser table for click → positions.`,
    },
  ]);
}
