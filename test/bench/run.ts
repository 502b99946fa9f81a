/**
 * `npm run bench`: every suite measures its subject and a baseline in the same run (so ratios
 * hold on any machine) and returns tables; this prints them as Markdown.
 */
import { formatTable, type BenchTable } from './table';

const suites: Record<string, () => Promise<BenchTable[]>> = {
  engine: async () => (await import('./engine')).run(),
  json: async () => (await import('./json')).run(),
  snapshots: async () => (await import('./snapshots')).run(),
  health: async () => (await import('./health')).run(),
  exports: async () => (await import('./exports')).run(),
  pngExport: async () => (await import('./browserExport')).run(),
  layout: async () => (await import('./browser/layoutTime')).run(),
  browser: async () => (await import('./browser/index')).run(),
  bundle: async () => (await import('./bundle')).run(),
  layoutQuality: async () => (await import('./layoutQuality')).run(),
};

const only = process.argv.slice(2);
const chosen = only.length > 0 ? only : Object.keys(suites);
console.log(`# Common Ground benchmarks — ${new Date().toISOString()}, node ${process.version}`);
for (const name of chosen) {
  const suite = suites[name];
  if (!suite) {
    console.error(`Unknown suite "${name}". Suites: ${Object.keys(suites).join(', ')}`);
    process.exit(2);
  }
  for (const table of await suite()) console.log(formatTable(table));
}
