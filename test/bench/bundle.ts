/**
 * Bundle size: every JavaScript and CSS file of a production build with its raw and gzip size,
 * when it loads (with the first screen: the entry chunk, its static imports and their CSS; before
 * the first map: the chunks boot and the canvas wait on, test/bench/firstMap.ts; or on demand),
 * what the first map of a first visit waits on in all against the budget, which packages take that
 * space, and what to look at when it is over budget.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { minifySync } from 'vite';
import { buildApp, type AppBuild, type ChunkModule } from './browser/builds';
import { BUDGET_KB, CEILING_KB, overBudget, type SizedPart } from './budget';
import { FIRST_MAP_CHUNKS, firstMapChunkOf } from './firstMap';
import type { BenchTable, Suite } from './table';

const kb = (bytes: number): string => (bytes / 1024).toFixed(1);
const gzipSize = (data: Buffer | string): number => gzipSync(data, { level: 9 }).length;

interface ManifestEntry {
  readonly file: string;
  readonly name?: string;
  readonly isEntry?: boolean;
  readonly imports?: readonly string[];
  readonly css?: readonly string[];
}

const isStringArray = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((s) => typeof s === 'string');

function isManifestEntry(v: unknown): v is ManifestEntry {
  if (typeof v !== 'object' || v === null) return false;
  const e: Record<string, unknown> = { ...v };
  return (
    typeof e['file'] === 'string' &&
    (e['name'] === undefined || typeof e['name'] === 'string') &&
    (e['isEntry'] === undefined || typeof e['isEntry'] === 'boolean') &&
    (e['imports'] === undefined || isStringArray(e['imports'])) &&
    (e['css'] === undefined || isStringArray(e['css']))
  );
}

function readManifest(outDir: string): Map<string, ManifestEntry> {
  const parsed: unknown = JSON.parse(readFileSync(join(outDir, '.vite/manifest.json'), 'utf8'));
  if (typeof parsed !== 'object' || parsed === null) throw new Error('manifest is not an object');
  const entries = new Map<string, ManifestEntry>();
  for (const [key, value] of Object.entries(parsed)) {
    if (!isManifestEntry(value)) throw new Error(`manifest entry ${key} has an unexpected shape`);
    entries.set(key, value);
  }
  return entries;
}

/** Files the browser loads before the first screen: entries, their static imports, their CSS. */
function firstScreenFiles(manifest: ReadonlyMap<string, ManifestEntry>): Set<string> {
  const files = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string) => {
    const entry = manifest.get(key);
    if (!entry || seen.has(key)) return;
    seen.add(key);
    files.add(entry.file);
    for (const css of entry.css ?? []) files.add(css);
    for (const imported of entry.imports ?? []) visit(imported);
  };
  for (const [key, entry] of manifest) if (entry.isEntry) visit(key);
  return files;
}

/**
 * When a file loads: with the first screen, before the first map (every start, a first visit
 * only, or a return visit only), or on demand.
 */
type Stage = 'first screen' | 'every visit' | 'first visit' | 'return visit' | 'on demand';

interface Asset {
  readonly file: string;
  readonly raw: number;
  readonly gzip: number;
  readonly stage: Stage;
}

const STAGE_ORDER: readonly Stage[] = [
  'first screen',
  'every visit',
  'first visit',
  'return visit',
  'on demand',
];
/** Everything the first map of a visit waits on, by visit. */
const RETURN_VISIT: readonly Stage[] = ['first screen', 'every visit', 'return visit'];
const FIRST_VISIT: readonly Stage[] = ['first screen', 'every visit', 'first visit'];
const STAGE_OF_VISITS = {
  every: 'every visit',
  first: 'first visit',
  return: 'return visit',
} as const satisfies Record<string, Stage>;

function stageOf(file: string, firstScreen: ReadonlySet<string>): Stage {
  if (firstScreen.has(file)) return 'first screen';
  const waitedOn = firstMapChunkOf(file);
  if (waitedOn === undefined) return 'on demand';
  return STAGE_OF_VISITS[waitedOn.visits];
}

function listAssets(outDir: string, firstScreen: ReadonlySet<string>): Asset[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
  const assets = walk(outDir)
    .filter((path) => /\.(js|css)$/.test(path))
    .map((path) => {
      const file = relative(outDir, path);
      const data = readFileSync(path);
      return { file, raw: data.length, gzip: gzipSize(data), stage: stageOf(file, firstScreen) };
    })
    .sort((a, b) => STAGE_ORDER.indexOf(a.stage) - STAGE_ORDER.indexOf(b.stage) || b.gzip - a.gzip);
  const missing = FIRST_MAP_CHUNKS.filter(
    (c) => !assets.some((a) => firstMapChunkOf(a.file) === c),
  );
  if (missing.length > 0) {
    throw new Error(
      `The build has no file for ${missing.map((c) => c.name).join(', ')}, which the first map waits on (test/bench/firstMap.ts): renamed, or no longer waited on?`,
    );
  }
  return assets;
}

/** "react-dom", "@xyflow/system", "src/canvas", … for a module id. */
function packageOf(id: string): string {
  const inModules = id.split('/node_modules/').at(-1);
  if (inModules !== undefined && inModules !== id) {
    const [scope, name] = inModules.split('/');
    return scope?.startsWith('@') ? `${scope}/${name ?? ''}` : (scope ?? id);
  }
  const inSrc = /\/src\/([^/]+)\//.exec(id);
  if (inSrc) return `src/${inSrc[1] ?? ''}`;
  return id.includes('/src/') ? 'src (top level)' : 'bundler runtime';
}

/**
 * Estimated minified + gzip bytes of each package in the JavaScript the first map waits on: each
 * package's modules are minified on their own (wrapped in a function so their top-level names
 * are mangled and nothing is dropped as unused) and gzipped, then the estimates are scaled so they
 * add up to the real gzip size of those chunks.
 */
function packageShares(modules: readonly ChunkModule[], realGzip: number) {
  const byPackage = new Map<string, string[]>();
  for (const m of modules) {
    const name = packageOf(m.id);
    byPackage.set(name, [...(byPackage.get(name) ?? []), m.code]);
  }
  const estimates = [...byPackage].map(([name, codes]) => {
    const wrapped = `(function(){${codes.join('\n')}\n})`;
    const minified = minifySync(`${name}.js`, wrapped, { compress: false, mangle: true }).code;
    return { name, modules: codes.length, gzip: gzipSize(minified) };
  });
  const total = estimates.reduce((sum, e) => sum + e.gzip, 0);
  return estimates
    .map((e) => ({ ...e, share: e.gzip / total, scaled: (e.gzip / total) * realGzip }))
    .sort((a, b) => b.scaled - a.scaled);
}

/** Minified + gzip bytes of each module of our own code the first map waits on, on its own. */
function ownModuleSizes(modules: readonly ChunkModule[]): SizedPart[] {
  return modules
    .filter((m) => m.id.includes('/src/') && !m.id.includes('/node_modules/'))
    .map((m) => {
      const wrapped = `(function(){${m.code}\n})`;
      const minified = minifySync('module.js', wrapped, { compress: false, mangle: true }).code;
      return { name: m.id.slice(m.id.lastIndexOf('/src/') + 1), gzip: gzipSize(minified) };
    });
}

/** The modules of the JavaScript the first map waits on (the layout worker is built apart: none). */
function firstMapModules(build: AppBuild, assets: readonly Asset[]) {
  const counted = assets.filter((a) => FIRST_VISIT.includes(a.stage) && a.file.endsWith('.js'));
  const modules = counted.flatMap((a) => build.chunkModules.get(a.file) ?? []);
  const withModules = counted.filter((a) => build.chunkModules.has(a.file));
  const realGzip = withModules.reduce((sum, a) => sum + a.gzip, 0);
  return { modules, shares: packageShares(modules, realGzip) };
}

function packageTable(shares: ReturnType<typeof packageShares>): BenchTable {
  let running = 0;
  return {
    title: 'What the JavaScript a first visit waits on is made of (by package)',
    columns: ['package', 'modules', '≈ gzip KB', 'share', 'running total KB'],
    rows: shares.map((s) => {
      running += s.scaled;
      return [s.name, s.modules, kb(s.scaled), `${(s.share * 100).toFixed(1)}%`, kb(running)];
    }),
    note: 'Estimate: each package minified alone and gzipped, scaled to the real gzip size of the first screen’s and boot’s chunks (the layout worker, built apart, is not split).',
  };
}

const sum = (assets: readonly Asset[], size: 'raw' | 'gzip'): number =>
  assets.reduce((total, a) => total + a[size], 0);

function totalRow(label: string, assets: readonly Asset[], verdict?: string): string[] {
  const gzip = kb(sum(assets, 'gzip'));
  return [
    label,
    verdict ?? `${assets.length} files`,
    kb(sum(assets, 'raw')),
    verdict === undefined ? gzip : `${gzip} / ${BUDGET_KB}`,
  ];
}

function sizesTable(assets: readonly Asset[]): BenchTable {
  const where = (stages: readonly Stage[]) => assets.filter((a) => stages.includes(a.stage));
  const firstVisit = where(FIRST_VISIT);
  const over = sum(firstVisit, 'gzip') / 1024 > BUDGET_KB;
  return {
    title: 'Bundle: production build (vite build)',
    columns: ['file', 'loads', 'raw KB', 'gzip KB'],
    rows: [
      ...assets.map((a) => [a.file, a.stage, kb(a.raw), kb(a.gzip)]),
      totalRow('first screen total', where(['first screen'])),
      totalRow('first map, return visit', where(RETURN_VISIT)),
      totalRow('first map, first visit', firstVisit, over ? 'OVER BUDGET' : 'within budget'),
      totalRow('on demand total', where(['on demand'])),
    ],
    note: `gzip level 9 (node:zlib). first screen = the entry chunk, its static imports and their CSS (from the Vite manifest); every / first / return visit = what the first map of such a visit waits on besides (test/bench/firstMap.ts: ${FIRST_MAP_CHUNKS.map((c) => `${c.name}, ${c.why}`).join('; ')}); everything else loads on demand or once the browser is idle. Budget: ${BUDGET_KB} KB gzip for the first map of a first visit.`,
  };
}

/** A smoke run measures the same: the build is the subject and has no smaller size. */
export const run: Suite = async () => {
  const build = await buildApp();
  const assets = listAssets(build.outDir, firstScreenFiles(readManifest(build.outDir)));
  const firstVisit = assets.filter((a) => FIRST_VISIT.includes(a.stage));
  const { modules, shares } = firstMapModules(build, assets);
  const parts = [
    firstVisit.map((a) => ({ name: a.file, gzip: a.gzip })),
    shares.map((s) => ({ name: s.name, gzip: s.scaled })),
    ownModuleSizes(modules),
  ] as const;
  // The guard: a first map that comes to wait on more than its ceiling fails the run (and npm test).
  const grown = overBudget(...parts, CEILING_KB);
  if (grown !== null) throw new Error(grown);
  const problem = overBudget(...parts);
  const budget: BenchTable = {
    title: 'The first map of a first visit against its budget',
    columns: ['verdict'],
    rows: [
      ...(problem ?? 'Within budget.').split('\n').map((line) => [line]),
      [
        `Ceiling the build fails past: ${CEILING_KB} KB (the size measured, plus 0.5 KB; lowered with every cut).`,
      ],
    ],
  };
  return [sizesTable(assets), packageTable(shares), budget];
};
