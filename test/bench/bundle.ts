/**
 * Bundle size: every JavaScript and CSS file of a production build with its raw and gzip size,
 * which of them the first screen needs (the entry chunk, its static imports and their CSS; the
 * layout worker and lazily imported chunks load on demand), the total against the budget, and
 * which packages take the first screen's space, and what to look at when it is over budget.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { minifySync } from 'vite';
import { buildApp, type AppBuild, type ChunkModule } from './browser/builds';
import { BUDGET_KB, CEILING_KB, overBudget, type SizedPart } from './budget';
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
 * Chunks boot imports itself while the database opens (vite.config.ts names them): the importer
 * every stored map is read through. Not part of the first screen's script, but fetched before the
 * first map is shown, so the table lists them apart from what loads on a click.
 */
const FETCHED_AT_BOOT = new Set(['stored-map-reader']);

function bootFiles(manifest: ReadonlyMap<string, ManifestEntry>): Set<string> {
  const files = [...manifest.values()]
    .filter((e) => e.name !== undefined && FETCHED_AT_BOOT.has(e.name))
    .map((e) => e.file);
  if (files.length !== FETCHED_AT_BOOT.size) {
    throw new Error(
      `The build has no chunk for each of ${[...FETCHED_AT_BOOT].join(', ')}: were vite.config.ts's groups renamed?`,
    );
  }
  return new Set(files);
}

interface Asset {
  readonly file: string;
  readonly raw: number;
  readonly gzip: number;
  readonly firstScreen: boolean;
  readonly atBoot: boolean;
}

function listAssets(
  outDir: string,
  firstScreen: ReadonlySet<string>,
  atBoot: ReadonlySet<string>,
): Asset[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
  return walk(outDir)
    .filter((path) => /\.(js|css)$/.test(path))
    .map((path) => {
      const file = relative(outDir, path);
      const data = readFileSync(path);
      const gzip = gzipSize(data);
      const [first, boot] = [firstScreen.has(file), atBoot.has(file)];
      return { file, raw: data.length, gzip, firstScreen: first, atBoot: boot };
    })
    .sort(
      (a, b) =>
        Number(b.firstScreen) - Number(a.firstScreen) ||
        Number(b.atBoot) - Number(a.atBoot) ||
        b.gzip - a.gzip,
    );
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
 * Estimated minified + gzip bytes of each package in the first screen's JavaScript: each
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

/** Minified + gzip bytes of each module of our own code in the first screen, on its own. */
function ownModuleSizes(modules: readonly ChunkModule[]): SizedPart[] {
  return modules
    .filter((m) => m.id.includes('/src/') && !m.id.includes('/node_modules/'))
    .map((m) => {
      const wrapped = `(function(){${m.code}\n})`;
      const minified = minifySync('module.js', wrapped, { compress: false, mangle: true }).code;
      return { name: m.id.slice(m.id.lastIndexOf('/src/') + 1), gzip: gzipSize(minified) };
    });
}

function firstScreenModules(build: AppBuild, assets: readonly Asset[]) {
  const firstJs = assets.filter((a) => a.firstScreen && a.file.endsWith('.js'));
  const modules = firstJs.flatMap((a) => build.chunkModules.get(a.file) ?? []);
  const realGzip = firstJs.reduce((sum, a) => sum + a.gzip, 0);
  return { modules, shares: packageShares(modules, realGzip) };
}

function packageTable(shares: ReturnType<typeof packageShares>): BenchTable {
  let running = 0;
  return {
    title: 'What the first screen’s JavaScript is made of (by package)',
    columns: ['package', 'modules', '≈ gzip KB', 'share', 'running total KB'],
    rows: shares.map((s) => {
      running += s.scaled;
      return [s.name, s.modules, kb(s.scaled), `${(s.share * 100).toFixed(1)}%`, kb(running)];
    }),
    note: 'Estimate: each package minified alone and gzipped, scaled to the real gzip size of the first-screen chunks.',
  };
}

/** A smoke run measures the same: the build is the subject and has no smaller size. */
export const run: Suite = async () => {
  const build = await buildApp();
  const manifest = readManifest(build.outDir);
  const assets = listAssets(build.outDir, firstScreenFiles(manifest), bootFiles(manifest));
  const first = assets.filter((a) => a.firstScreen);
  const firstGzip = first.reduce((sum, a) => sum + a.gzip, 0);
  const over = firstGzip / 1024 > BUDGET_KB;
  const rows = assets.map((a) => [
    a.file,
    a.firstScreen ? 'yes' : a.atBoot ? 'at boot' : 'on demand',
    kb(a.raw),
    kb(a.gzip),
  ]);
  const atBoot = assets.filter((a) => a.atBoot);
  const onDemand = assets.filter((a) => !a.firstScreen && !a.atBoot);
  rows.push(
    [
      'first screen total',
      over ? 'OVER BUDGET' : 'within budget',
      kb(first.reduce((sum, a) => sum + a.raw, 0)),
      `${kb(firstGzip)} / ${BUDGET_KB}`,
    ],
    [
      'fetched at boot total',
      `${atBoot.length} files`,
      kb(atBoot.reduce((sum, a) => sum + a.raw, 0)),
      kb(atBoot.reduce((sum, a) => sum + a.gzip, 0)),
    ],
    [
      'on demand total',
      `${onDemand.length} files`,
      kb(onDemand.reduce((sum, a) => sum + a.raw, 0)),
      kb(onDemand.reduce((sum, a) => sum + a.gzip, 0)),
    ],
  );
  const sizes: BenchTable = {
    title: 'Bundle: production build (vite build)',
    columns: ['file', 'first screen', 'raw KB', 'gzip KB'],
    rows,
    note: `gzip level 9 (node:zlib). First screen = the entry chunk, its static imports and their CSS (from the Vite manifest); boot fetches the importer stored maps are read through while the database opens; the layout worker and lazily imported chunks load on demand. Budget: ${BUDGET_KB} KB gzip.`,
  };
  const { modules, shares } = firstScreenModules(build, assets);
  const parts = [
    first.map((a) => ({ name: a.file, gzip: a.gzip })),
    shares.map((s) => ({ name: s.name, gzip: s.scaled })),
    ownModuleSizes(modules),
  ] as const;
  // The guard: a first screen that grows past its ceiling fails the run (and npm test).
  const grown = overBudget(...parts, CEILING_KB);
  if (grown !== null) throw new Error(grown);
  const problem = overBudget(...parts);
  const budget: BenchTable = {
    title: 'First screen against its budget',
    columns: ['verdict'],
    rows: [
      ...(problem ?? 'Within budget.').split('\n').map((line) => [line]),
      [
        `Ceiling the build fails past: ${CEILING_KB} KB (the size measured, plus 0.5 KB; lowered with every cut).`,
      ],
    ],
  };
  return [sizes, packageTable(shares), budget];
};
