/**
 * How long the alignment matrix takes to open in the app: from the click on `Alignment matrix`
 * until a frame showing the table has painted, for 100 people on a large map, against the same
 * click on the example map (seven people) in the same browser and run.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { exportMapJson } from '../../../src/io/json';
import { layeredMap, seeded } from '../engine';
import { ms, percentile, type BenchTable } from '../table';
import { importMap, LAYOUT_TIMEOUT_MS } from './appFlows';
import { scratchDir } from './builds';

const VIEWPORT = { width: 1920, height: 1080 };

/** Waits until the page has run no long task for a second, e.g. after a big map's layout. */
function waitUntilQuiet(page: Page): Promise<unknown> {
  return page.evaluate(async () => {
    let last = performance.now();
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) last = Math.max(last, e.startTime + e.duration);
    }).observe({ type: 'longtask', buffered: true });
    const start = performance.now();
    while (performance.now() - last < 1000 && performance.now() - start < 30_000) {
      await new Promise((r) => setTimeout(r, 100));
    }
  });
}

/** Milliseconds from clicking "Alignment matrix" until a frame showing the table has painted. */
function timeOpening(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const button = [...document.querySelectorAll('button')].find(
      (b) => b.textContent === 'Alignment matrix',
    );
    const start = performance.now();
    button?.click();
    while (!document.querySelector('table[aria-label="Alignment matrix"]')) {
      await new Promise((r) => requestAnimationFrame(r));
    }
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    return performance.now() - start;
  });
}

async function openings(page: Page, runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    await waitUntilQuiet(page);
    times.push(await timeOpening(page));
    await page.getByRole('button', { name: 'Close' }).click();
  }
  return times;
}

export interface MatrixFigures {
  readonly goals: number;
  readonly people: number;
  readonly big: readonly number[];
  readonly example: readonly number[];
}

/** The example map as the app opens it first, then the large map imported through Import. */
export async function measureMatrixOpening(
  browser: Browser,
  url: string,
  goals: number,
  runs: number,
): Promise<MatrixFigures> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(LAYOUT_TIMEOUT_MS);
    await page.goto(url);
    await page.getByRole('group').first().waitFor();
    const example = await openings(page, runs);
    const doc = layeredMap(goals, seeded(goals));
    const file = join(scratchDir(), `matrix-${goals}.json`);
    writeFileSync(file, exportMapJson(doc));
    await importMap(page, file);
    const big = await openings(page, runs);
    return { goals, people: doc.stakeholders.length, big, example };
  } finally {
    await context.close();
  }
}

export function matrixTable(f: MatrixFigures): BenchTable {
  const median = (times: readonly number[]) => percentile(times, 50);
  const row = (name: string, times: readonly number[]) => [
    name,
    times.map((t) => ms(t)).join(', '),
    ms(median(times)),
    `${(median(times) / median(f.example)).toFixed(1)}×`,
  ];
  return {
    title: `Alignment matrix in the app: click to first paint, ${f.people} people on ${f.goals} goals`,
    columns: ['map', 'runs ms', 'median ms', 'vs example'],
    rows: [row('example map', f.example), row(`${f.people} people, ${f.goals} goals`, f.big)],
    note: 'From the click on Alignment matrix until a frame showing the table has painted (the first screenful of rows; the rest follow in later frames), each after the page ran no long task for a second. Baseline: the same click on the example map in the same page and run.',
  };
}
