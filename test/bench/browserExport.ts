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
import { PRINT_LONG_SIDE, PRINT_SHORT_SIDE } from '../../src/ui/importExport/rasterize';
import { launchBrowser } from '../e2e/browser';
import { importMap } from './browser/appFlows';
import { buildApp, scratchDir, serve } from './browser/builds';
import { generateMap } from './browser/generator';
import { ms, percentile, type BenchTable, type SuiteOptions } from './table';

const SIZES = [
  { goals: 500, targetMs: 500 },
  { goals: 2000, targetMs: 1000 },
] as const;
const RUNS = 3;
const SCALE = 2;
/** Title size of objectives and KPIs in the exported picture at 1× (src/io/svg/nodes.ts). */
const TITLE_PX = 16;
/** A3 landscape is 420 mm wide; a printed picture is assumed to span it. */
const A3_LANDSCAPE_MM = 420;
const MM_PER_INCH = 25.4;
const PRINT_DPI = 300;
const MM_PER_POINT = MM_PER_INCH / 72;
/** A picture whose short side is under a quarter of its long side is a strip, not a picture. */
const THINNEST_SHAPE = 1 / 4;

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

const pixels = (n: number): string => n.toLocaleString('en-US');

/**
 * The scale the picture was drawn at: the one asked for, unless the picture would have been
 * larger than A3 at 300 dpi, in which case the app drew it smaller and said so in a notice.
 */
async function scaleUsed(page: Page, width: number, height: number): Promise<number> {
  const atPrintCap =
    Math.max(width, height) >= PRINT_LONG_SIDE - 1 ||
    Math.min(width, height) >= PRINT_SHORT_SIDE - 1;
  if (!atPrintCap) return SCALE;
  const drawnAt = new RegExp(`drawn at ([\\d.]+)× \\(${pixels(width)} × ${pixels(height)} px\\)`);
  // The notice shows for a few seconds, so this runs right after each export.
  const notice = page.getByRole('status').filter({ hasText: drawnAt }).first();
  const scale = Number(drawnAt.exec((await notice.textContent({ timeout: 10_000 })) ?? '')?.[1]);
  if (!Number.isFinite(scale))
    throw new Error(`no notice says at what scale the picture was drawn`);
  return scale;
}

interface ExportRun {
  /** In the page: click → finished PNG. */
  readonly inPageMs: number;
  /** Click → Playwright's download event (adds the download's own plumbing). */
  readonly ms: number;
  readonly width: number;
  readonly height: number;
  /** The scale the picture was drawn at (below the one asked for when the map is too large). */
  readonly scale: number;
  readonly path: string;
}

/** Opens the PNG dialog at 2× for the whole map, exports, and times click → download. */
async function exportPng(page: Page): Promise<ExportRun> {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('menuitem', { name: 'PNG' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export PNG' });
  await dialog.getByRole('radio', { name: `${SCALE}×` }).check();
  const downloading = page.waitForEvent('download', { timeout: 60_000 });
  const started = performance.now();
  await dialog.getByRole('button', { name: 'Export PNG' }).click();
  const download = await downloading;
  const elapsed = performance.now() - started;
  await dialog.waitFor({ state: 'detached' });
  const path = await download.path();
  const { width, height } = await pngSize(path);
  const scale = await scaleUsed(page, width, height);
  const inPage = await page.evaluate(() => window.cgBenchPngExports?.at(-1));
  if (inPage === undefined) throw new Error('the export was not timed in the page');
  return { inPageMs: inPage, ms: elapsed, width, height, scale, path };
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

/** The picture's shape: width : height, and whether it is thinner than 1 : 4 either way. */
function shapeOf(width: number, height: number): { aspect: string; tooThin: boolean } {
  const aspect =
    width >= height ? `${(width / height).toFixed(1)} : 1` : `1 : ${(height / width).toFixed(1)}`;
  return { aspect, tooThin: Math.min(width, height) / Math.max(width, height) < THINNEST_SHAPE };
}

/** A title's height on paper when the picture is printed across an A3 landscape sheet. */
function titleOnPaper(titlePx: number, pictureWidth: number): string {
  const mm = (titlePx / pictureWidth) * A3_LANDSCAPE_MM;
  const dots = (mm / MM_PER_INCH) * PRINT_DPI;
  return `${mm.toFixed(2)} mm, ${(mm / MM_PER_POINT).toFixed(1)} pt, ${dots.toFixed(1)} dots`;
}

async function measureSize(page: Page, goals: number, targetMs: number, runCount: number) {
  const file = join(scratchDir(), `export-${goals}.json`);
  await writeFile(file, exportMapJson(generateMap(goals)));
  await importMap(page, file);
  const runs: ExportRun[] = [];
  for (let i = 0; i < runCount; i++) runs.push(await exportPng(page));
  const last = runs[runs.length - 1];
  if (!last) throw new Error('no export ran');
  await mkdir('test-results', { recursive: true });
  await copyFile(last.path, `test-results/export-${goals}-goals-2x.png`);
  const baseline = await encodeSamePicture(page, last.path);
  const median = (pick: (r: ExportRun) => number) => percentile(runs.map(pick), 50);
  const inPage = median((r) => r.inPageMs);
  const titlePx = TITLE_PX * last.scale;
  const { aspect, tooThin } = shapeOf(last.width, last.height);
  return [
    `${goals}`,
    `${pixels(last.width)} × ${pixels(last.height)}`,
    aspect,
    tooThin ? 'TOO THIN (< 1 : 4)' : 'ok',
    `${titlePx.toFixed(1)} (at ${last.scale.toFixed(2)}×)`,
    titleOnPaper(titlePx, last.width),
    ms(inPage),
    ms(median((r) => r.ms)),
    ms(baseline),
    `${targetMs}`,
    inPage <= targetMs ? 'yes' : 'no',
  ];
}

export async function run(options: SuiteOptions = {}): Promise<BenchTable[]> {
  const [sizes, runCount] = options.smoke ? [SIZES.slice(0, 1), 1] : [SIZES, RUNS];
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
    for (const { goals, targetMs } of sizes) {
      rows.push(await measureSize(page, goals, targetMs, runCount));
    }
    return [
      {
        title: `PNG export in Chromium (${SCALE}×, whole map, ${runCount} runs)`,
        columns: [
          'goals',
          'pixels (w × h)',
          'aspect w : h',
          'shape',
          'title px (scale)',
          'title printed on A3 landscape',
          'click → PNG ms (median)',
          'click → download ms',
          'browser PNG encode alone ms',
          'target ms',
          'met',
        ],
        rows,
        note:
          'Baseline: the browser encoding the same picture as PNG (toBlob) in the same page. Targets apply to click → PNG. ' +
          `Title px = the ${TITLE_PX} px objective/KPI title × the scale the picture was drawn at (${SCALE}× unless that would exceed A3 at 300 dpi, then the scale the app's notice gives). ` +
          `Printed = the picture stretched across an A3 landscape sheet (${A3_LANDSCAPE_MM} mm = ${Math.round((A3_LANDSCAPE_MM / MM_PER_INCH) * PRINT_DPI)} dots at ${PRINT_DPI} dpi): title px ÷ picture width px × ${A3_LANDSCAPE_MM} mm; 1 pt = 1/72 inch; body text is 9–12 pt. ` +
          'TOO THIN: the short side is under a quarter of the long side.',
      },
    ];
  } finally {
    await browser.close();
    await server.close();
  }
}
