/**
 * `npm run bench`: every suite measures its subject and a baseline in the same run (so ratios
 * hold on any machine) and returns tables; this prints them as Markdown.
 *
 * `npm run bench -- --smoke` (`npm run bench:smoke`, part of `npm test`): every suite on its
 * smallest size, one run, tables checked for shape but not printed, since one run on a small map
 * says nothing about targets. It proves each suite still runs; a suite that throws, hangs or
 * returns a malformed table makes the run exit non-zero, naming the suite.
 */
import { withDeadline } from './deadline';
import { checkTable, formatTable, type BenchTable, type SuiteOptions } from './table';

const suites: Record<string, (options: SuiteOptions) => Promise<BenchTable[]>> = {
  engine: async (options) => (await import('./engine')).run(options),
  json: async (options) => (await import('./json')).run(options),
  snapshots: async (options) => (await import('./snapshots')).run(options),
  health: async (options) => (await import('./health')).run(options),
  radar: async (options) => (await import('./radar')).run(options),
  exports: async (options) => (await import('./exports')).run(options),
  pngExport: async (options) => (await import('./browserExport')).run(options),
  layout: async (options) => (await import('./browser/layoutTime')).run(options),
  browser: async (options) => (await import('./browser/index')).run(options),
  bundle: async (options) => (await import('./bundle')).run(options),
  analyze: async (options) => (await import('./analyze')).run(options),
  layoutQuality: async (options) => (await import('./layoutQuality')).run(options),
  rooms: async (options) => (await import('./rooms')).run(options),
  roomsDoc: async (options) => (await import('./roomsDoc')).run(options),
  tradeOffs: async (options) => (await import('./tradeOffs')).run(options),
};

/** A smoke run of one suite that takes longer than this has hung (browser waits are long). */
const SMOKE_SUITE_TIMEOUT_MS = 3 * 60_000;

const args = process.argv.slice(2);
const smoke = args.includes('--smoke');
const unknownFlags = args.filter((a) => a.startsWith('--') && a !== '--smoke');
const only = args.filter((a) => !a.startsWith('--'));
const unknown = only.filter((name) => !(name in suites));
if (unknownFlags.length > 0 || unknown.length > 0) {
  const what = [...unknownFlags.map((f) => `flag "${f}"`), ...unknown.map((n) => `suite "${n}"`)];
  console.error(
    `Unknown ${what.join(', ')}. Suites: ${Object.keys(suites).join(', ')}; flag: --smoke`,
  );
  process.exit(2);
}

/** Runs one suite; returns the error message if it failed, or null. */
async function runSuite(name: string, suite: (o: SuiteOptions) => Promise<BenchTable[]>) {
  const started = performance.now();
  try {
    const work = suite({ smoke });
    const tables = smoke
      ? await withDeadline(work, SMOKE_SUITE_TIMEOUT_MS, `the ${name} suite`)
      : await work;
    const problems = tables.length === 0 ? ['it returned no table'] : tables.flatMap(checkTable);
    if (problems.length > 0) throw new Error(problems.join('; '));
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    if (smoke) console.log(`ok   ${name} (${tables.length} tables, ${seconds} s)`);
    else for (const table of tables) console.log(formatTable(table));
    return null;
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    console.error(`FAIL ${name}: ${message}`);
    return message;
  }
}

const chosen = only.length > 0 ? only : Object.keys(suites);
const started = performance.now();
console.log(
  smoke
    ? `# Benchmark smoke run (smallest sizes, one run, no targets): ${chosen.join(', ')}`
    : `# Common Ground benchmarks — ${new Date().toISOString()}, node ${process.version}`,
);
const failed: string[] = [];
for (const name of chosen) {
  const suite = suites[name];
  if (suite && (await runSuite(name, suite)) !== null) failed.push(name);
}
const total = ((performance.now() - started) / 1000).toFixed(1);
if (failed.length > 0) {
  console.error(`\n${failed.length} benchmark suite(s) failed: ${failed.join(', ')} (${total} s)`);
} else if (smoke) {
  console.log(`All ${chosen.length} suites ran in ${total} s.`);
}
// A suite that failed may leave a browser or server behind; exit rather than wait for it.
process.exit(failed.length > 0 ? 1 : 0);
