/**
 * What the browser bench does in the built app, the way a user does it: import the benchmark map
 * through the Import button, reopen it on reload, click a goal, press Auto layout.
 */
import type { Locator, Page } from 'playwright-core';
import {
  firstWorkerRoundTrip,
  lastWorkerMessage,
  longTasks,
  pageNow,
  startLongTasks,
  workerMessageCount,
} from './frames';

/** Auto layout of a big map runs seconds on a busy 2-core machine; this bounds every wait. */
export const LAYOUT_TIMEOUT_MS = 120_000;

export const goalNode = (page: Page, title: string): Locator =>
  page.getByRole('group', { name: title, exact: true });

/** Picks the file with the Import button's file chooser and opens it as a new map. */
export async function importMap(page: Page, file: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await (await chooser).setFiles(file);
  await page.getByRole('button', { name: 'Open as new map' }).click();
  // The notice comes once the new map is open: nodes drawn before it are the previous map's.
  await page.getByText(/^Opened ".*" as a new map\./).waitFor({ timeout: LAYOUT_TIMEOUT_MS });
  // Which goals are on screen depends on the layout, so any drawn node tells it is laid out.
  await page.locator('.react-flow__node').first().waitFor({ timeout: LAYOUT_TIMEOUT_MS });
}

export interface CanvasView {
  /** The canvas element's box on the page, in CSS pixels. */
  readonly box: { x: number; y: number; width: number; height: number };
  /** React Flow's viewport: screen = flow × zoom + (x, y), relative to the canvas box. */
  readonly x: number;
  readonly y: number;
  readonly zoom: number;
}

const TRANSFORM = /translate\(([-\d.e]+)px, ?([-\d.e]+)px\) scale\(([-\d.e]+)\)/;

/** Where the canvas is and which part of the map it shows (read from React Flow's DOM). */
export async function readCanvasView(page: Page): Promise<CanvasView> {
  const box = await page.locator('.react-flow').first().boundingBox();
  const transform = await page
    .locator('.react-flow__viewport')
    .first()
    .evaluate((el) => (el instanceof HTMLElement ? el.style.transform : ''));
  const match = TRANSFORM.exec(transform);
  if (!box || !match) throw new Error(`cannot read the canvas view (${transform})`);
  return { box, x: Number(match[1]), y: Number(match[2]), zoom: Number(match[3]) };
}

export interface OpenTimes {
  /** Navigation start → the map is loaded and its layout worker started. */
  readonly layoutStartMs: number;
  /** Navigation start → the layout worker posted positions. */
  readonly layoutDoneMs: number;
  /** Navigation start → the goal is visible. */
  readonly visibleMs: number;
  /** Navigation start → a click on it shows its Title in the inspector. */
  readonly interactiveMs: number;
}

/** Resolves with performance.now() in the page once the inspector's Title field shows `title`. */
async function titleShownAt(page: Page, title: string): Promise<number> {
  const handle = await page.waitForFunction(
    (expected) => {
      const label = [...document.querySelectorAll('label')].find((l) => l.textContent === 'Title');
      const input = label ? document.getElementById(label.htmlFor) : null;
      return input instanceof HTMLInputElement && input.value === expected && performance.now();
    },
    title,
    { timeout: LAYOUT_TIMEOUT_MS },
  );
  const at = await handle.jsonValue();
  if (typeof at !== 'number') throw new Error('the inspector did not show the title');
  return at;
}

/** Reloads (the map reopens as the last one) and times until `title` can be selected. */
export async function openToInteractive(page: Page, title: string): Promise<OpenTimes> {
  await page.reload({ waitUntil: 'commit' });
  const node = goalNode(page, title);
  await node.waitFor({ timeout: LAYOUT_TIMEOUT_MS });
  const visibleMs = await pageNow(page);
  await node.click();
  const interactiveMs = await titleShownAt(page, title);
  const { started, answered } = await firstWorkerRoundTrip(page);
  return { layoutStartMs: started, layoutDoneMs: answered, visibleMs, interactiveMs };
}

export interface LayoutRun {
  /** Click → the worker posted positions. */
  readonly workerMs: number;
  /** Long tasks while the worker ran, and while the page applied its positions. */
  readonly during: readonly number[];
  readonly applying: readonly number[];
}

/** Lets the page draw what it received: long tasks end before the frames after them. */
const SETTLE_MS = 1500;

/** Presses Auto layout and records long tasks until the new positions are drawn. */
export async function runAutoLayout(page: Page): Promise<LayoutRun> {
  const before = await workerMessageCount(page);
  await startLongTasks(page);
  const clickedAt = await pageNow(page);
  await page.getByRole('button', { name: 'Auto layout' }).click();
  await page.waitForFunction((n) => (window.cgBenchWorkerMessages?.length ?? 0) > n, before, {
    timeout: LAYOUT_TIMEOUT_MS,
  });
  const deliveredAt = await lastWorkerMessage(page);
  await page.waitForTimeout(SETTLE_MS);
  const tasks = await longTasks(page);
  return {
    workerMs: deliveredAt - clickedAt,
    during: tasks.filter(([start]) => start < deliveredAt).map(([, d]) => d),
    applying: tasks.filter(([start]) => start >= deliveredAt).map(([, d]) => d),
  };
}
