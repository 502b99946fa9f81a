/**
 * PNG export in headless Chromium on the built app, through the Export menu as a user does it:
 * 500 and 2,000 goals at 2×, whole map, timed from the click to the download. The baseline, in
 * the same page, is what the browser alone needs to encode a blank canvas of the same pixel size
 * as PNG: the part of the export no drawing code of ours can avoid.
 */
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { exportMapJson } from '../../src/io/json';
import { launchBrowser } from '../e2e/browser';
import { importMap } from './browser/appFlows';
import { buildApp, scratchDir, serve } from './browser/builds';
import { generateMap } from './browser/generator';
import { ms, percentile, type BenchTable } from './table';

const SIZES = [
  { goals: 500, targetMs: 500 },
  { goals: 2000, targetMs: 1000 },
] as const;
const RUNS = 3;
const SCALE = '2×';

interface ExportRun {
  readonly ms: number;
  readonly width: number;
  readonly height: number;
  readonly path: string;
}

/** Opens the PNG dialog at 2× for the whole map, exports, and times click → download. */
async function exportPng(page: Page): Promise<ExportRun> {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('menuitem', { name: 'PNG' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export PNG' });
  await dialog.getByRole('radio', { name: SCALE }).check();
  const downloading = page.waitForEvent('download', { timeout: 60_000 });
  const started = performance.now();
  await dialog.getByRole('button', { name: 'Export PNG' }).click();
  const download = await downloading;
  const elapsed = performance.now() - started;
  await dialog.waitFor({ state: 'detached' });
  const path = await download.path();
  const { width, height } = await pngSize(path);
  return { ms: elapsed, width, height, path };
}

/** IHDR holds width and height as big-endian 32-bit integers at bytes 16 and 20. */
async function pngSize(path: string): Promise<{ width: number; height: number }> {
  const png = await readFile(path);
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** The browser's own cost: encode a blank canvas of this size as PNG, in the same page. */
function encodeBlankCanvas(page: Page, width: number, height: number): Promise<number> {
  return page.evaluate(
    async ([w, h]) => {
      const canvas = document.createElement('canvas');
      canvas.width = w;
      canvas.height = h;
      const context = canvas.getContext('2d');
      if (!context) throw new Error('no 2d context');
      const started = performance.now();
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, w, h);
      await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
      return performance.now() - started;
    },
    [width, height] as const,
  );
}

async function measureSize(page: Page, goals: number, targetMs: number) {
  const file = join(scratchDir(), `export-${goals}.json`);
  await writeFile(file, exportMapJson(generateMap(goals)));
  await importMap(page, file);
  const runs: ExportRun[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await exportPng(page));
  const last = runs[runs.length - 1];
  if (!last) throw new Error('no export ran');
  await mkdir('test-results', { recursive: true });
  await copyFile(last.path, `test-results/export-${goals}-goals-2x.png`);
  const baseline = await encodeBlankCanvas(page, last.width, last.height);
  const median = percentile(
    runs.map((r) => r.ms),
    50,
  );
  return [
    `${goals}`,
    `${last.width} × ${last.height}`,
    ms(median),
    ms(Math.max(...runs.map((r) => r.ms))),
    ms(baseline),
    `${targetMs}`,
    median <= targetMs ? 'yes' : 'no',
  ];
}

export async function run(): Promise<BenchTable[]> {
  const { outDir } = await buildApp();
  const server = await serve(outDir);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({
      viewport: { width: 1440, height: 900 },
      acceptDownloads: true,
    });
    await page.goto(server.url);
    await page.locator('.react-flow__node').first().waitFor({ timeout: 60_000 });
    const rows = [];
    for (const { goals, targetMs } of SIZES) rows.push(await measureSize(page, goals, targetMs));
    return [
      {
        title: `PNG export in Chromium (${SCALE}, whole map, click → download, ${RUNS} runs)`,
        columns: [
          'goals',
          'pixels',
          'median ms',
          'max ms',
          'blank-canvas PNG encode ms',
          'target ms',
          'met',
        ],
        rows,
        note: 'Baseline: the browser encoding a blank canvas of the same size (toBlob), in the same page.',
      },
    ];
  } finally {
    await browser.close();
    await server.close();
  }
}
