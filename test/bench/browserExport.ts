/**
 * PNG export in headless Chromium on the built app, through the Export menu as a user does it:
 * 500 and 2,000 goals at 2×, whole map. Timed in the page from the click on "Export PNG" to the
 * finished file (the PNG handed to the download), and from the click to Playwright's download
 * event. The baseline, in the same page, is the browser alone encoding the very same picture as
 * PNG (canvas.toBlob): the part of the export no code of ours can avoid.
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

declare global {
  interface Window {
    /** Milliseconds from each click on "Export PNG" to the finished PNG file. */
    cgBenchPngExports?: number[];
  }
}

/**
 * Installed before the app loads: notes the click on "Export PNG", and the moment a PNG blob gets
 * an object URL (the download of the finished file), without touching the app's code.
 */
function recordExportTimes(): void {
  let clickedAt: number | null = null;
  document.addEventListener(
    'click',
    (event) => {
      const button = event.target instanceof Element ? event.target.closest('button') : null;
      if (button?.textContent === 'Export PNG') clickedAt = performance.now();
    },
    true,
  );
  const createObjectURL = URL.createObjectURL.bind(URL);
  URL.createObjectURL = (object: Blob | MediaSource) => {
    if (object instanceof Blob && object.type === 'image/png' && clickedAt !== null) {
      (window.cgBenchPngExports ??= []).push(performance.now() - clickedAt);
      clickedAt = null;
    }
    return createObjectURL(object);
  };
}

interface ExportRun {
  /** In the page: click → finished PNG. */
  readonly inPageMs: number;
  /** Click → Playwright's download event (adds the download's own plumbing). */
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
  const inPage = await page.evaluate(() => window.cgBenchPngExports?.at(-1));
  if (inPage === undefined) throw new Error('the export was not timed in the page');
  return { inPageMs: inPage, ms: elapsed, width, height, path };
}

/** IHDR holds width and height as big-endian 32-bit integers at bytes 16 and 20. */
async function pngSize(path: string): Promise<{ width: number; height: number }> {
  const png = await readFile(path);
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** The browser's own cost: encoding this very picture as PNG again, in the same page. */
async function encodeSamePicture(page: Page, path: string): Promise<number> {
  const base64 = (await readFile(path)).toString('base64');
  return page.evaluate(async (data) => {
    const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = document.createElement('canvas');
    canvas.width = bitmap.width;
    canvas.height = bitmap.height;
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0);
    const started = performance.now();
    await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    return performance.now() - started;
  }, base64);
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
  const baseline = await encodeSamePicture(page, last.path);
  const median = (pick: (r: ExportRun) => number) => percentile(runs.map(pick), 50);
  const inPage = median((r) => r.inPageMs);
  return [
    `${goals}`,
    `${last.width} × ${last.height}`,
    ms(inPage),
    ms(median((r) => r.ms)),
    ms(baseline),
    `${targetMs}`,
    inPage <= targetMs ? 'yes' : 'no',
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
    await page.addInitScript(recordExportTimes);
    await page.goto(server.url);
    await page.locator('.react-flow__node').first().waitFor({ timeout: 60_000 });
    const rows = [];
    for (const { goals, targetMs } of SIZES) rows.push(await measureSize(page, goals, targetMs));
    return [
      {
        title: `PNG export in Chromium (${SCALE}, whole map, ${RUNS} runs)`,
        columns: [
          'goals',
          'pixels',
          'click → PNG ms (median)',
          'click → download ms',
          'browser PNG encode alone ms',
          'target ms',
          'met',
        ],
        rows,
        note: 'Baseline: the browser encoding the same picture as PNG (toBlob) in the same page. Targets apply to click → PNG.',
      },
    ];
  } finally {
    await browser.close();
    await server.close();
  }
}
