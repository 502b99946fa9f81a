/**
 * Production builds for the benchmarks, made with Vite's JavaScript API into a scratch folder
 * (never dist/, which other people rebuild while they work), and static servers for them on
 * 127.0.0.1. The app is built once per process and shared by the browser and bundle suites.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { build, preview, type Plugin } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));
export const PROJECT_ROOT = resolve(here, '../../..');
const PLAIN_ROOT = join(here, 'plain');

let scratch: string | undefined;

/** One scratch folder per run, removed when the process exits however the run ended. */
export function scratchDir(): string {
  if (scratch === undefined) {
    const dir = mkdtempSync(join(tmpdir(), 'cg-bench-'));
    process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
    scratch = dir;
  }
  return scratch;
}

/** A module's code as it went into a chunk (before minification). */
export interface ChunkModule {
  readonly id: string;
  readonly code: string;
}

export interface AppBuild {
  readonly outDir: string;
  /** The modules of each emitted JavaScript chunk, by file name relative to outDir. */
  readonly chunkModules: ReadonlyMap<string, readonly ChunkModule[]>;
}

/** Keeps what the bundler put in each chunk, so the bundle report can say what takes the space. */
function recordChunkModules(into: Map<string, readonly ChunkModule[]>): Plugin {
  return {
    name: 'common-ground-bench-chunk-modules',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        const modules = Object.entries(output.modules).map(([id, m]) => ({
          id,
          code: m.code ?? '',
        }));
        into.set(output.fileName, modules);
      }
    },
  };
}

let appBuild: Promise<AppBuild> | undefined;

/**
 * The app as `npm run build` makes it (its own vite.config.ts), plus a manifest so the bundle
 * report can tell the first screen's files from those loaded on demand.
 */
export function buildApp(): Promise<AppBuild> {
  appBuild ??= (async () => {
    const outDir = join(scratchDir(), 'app');
    const chunkModules = new Map<string, readonly ChunkModule[]>();
    await build({
      root: PROJECT_ROOT,
      logLevel: 'error',
      plugins: [recordChunkModules(chunkModules)],
      build: { outDir, emptyOutDir: true, manifest: true, reportCompressedSize: false },
    });
    return { outDir, chunkModules };
  })();
  return appBuild;
}

/** The plain React Flow baseline page (test/bench/browser/plain). Returns the output folder. */
export async function buildPlainPage(): Promise<string> {
  const outDir = join(scratchDir(), 'plain');
  await build({
    root: PLAIN_ROOT,
    configFile: false,
    logLevel: 'error',
    plugins: [react()],
    build: { outDir, emptyOutDir: true, target: 'es2022', reportCompressedSize: false },
  });
  return outDir;
}

export interface StaticServer {
  readonly url: string;
  close(): Promise<void>;
}

/** Serves a built folder on 127.0.0.1 at a free port, as `vite preview` does. */
export async function serve(outDir: string): Promise<StaticServer> {
  const server = await preview({
    configFile: false,
    root: PROJECT_ROOT,
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a local URL');
  return { url, close: () => server.close() };
}
