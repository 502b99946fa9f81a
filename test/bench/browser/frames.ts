/**
 * Measuring in the page: requestAnimationFrame deltas while the mouse pans or drags, long tasks
 * while something runs, and the time each message from a web worker arrives. Shared by the app and
 * the plain baseline page so both are measured exactly alike.
 */
import type { BrowserContext, Page } from 'playwright-core';

export interface Point {
  readonly x: number;
  readonly y: number;
}

declare global {
  interface Window {
    /** requestAnimationFrame deltas (ms) while a recording runs; undefined when none does. */
    cgBenchFrames?: number[];
    /** Long tasks seen since the observer started: [startTime, duration] in ms. */
    cgBenchLongTasks?: [number, number][];
    /** performance.now() of each message any web worker posted to the page. */
    cgBenchWorkerMessages?: number[];
    /** performance.now() of each web worker the page started. */
    cgBenchWorkerStarts?: number[];
  }
}

/** A real mouse reports about this often; faster CDP events would only measure event flooding. */
const MOUSE_INTERVAL_MS = 8;
const STEP_PX = 3;
/** The mouse goes back and forth over this span, so what is dragged stays on screen. */
const SPAN_PX = 240;

/**
 * Scripts every page of the context gets before its own code: tsx names functions with `__name`
 * calls, which also end up in functions sent to the page; and each message from a web worker is
 * timestamped, so the bench knows when auto layout delivered its positions.
 */
export async function instrumentContext(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  await context.addInitScript(() => {
    const Native = window.Worker;
    window.cgBenchWorkerMessages = [];
    window.cgBenchWorkerStarts = [];
    window.Worker = class extends Native {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        window.cgBenchWorkerStarts?.push(performance.now());
        this.addEventListener('message', () =>
          window.cgBenchWorkerMessages?.push(performance.now()),
        );
      }
    };
  });
}

export const workerMessageCount = (page: Page): Promise<number> =>
  page.evaluate(() => window.cgBenchWorkerMessages?.length ?? 0);

export const lastWorkerMessage = (page: Page): Promise<number> =>
  page.evaluate(() => window.cgBenchWorkerMessages?.at(-1) ?? Number.NaN);

/** When the page first started a web worker and first heard back from one (NaN if never). */
export const firstWorkerRoundTrip = (page: Page): Promise<{ started: number; answered: number }> =>
  page.evaluate(() => ({
    started: window.cgBenchWorkerStarts?.[0] ?? Number.NaN,
    answered: window.cgBenchWorkerMessages?.[0] ?? Number.NaN,
  }));

export const pageNow = (page: Page): Promise<number> => page.evaluate(() => performance.now());

async function startFrames(page: Page): Promise<void> {
  await page.evaluate(() => {
    const frames: number[] = [];
    window.cgBenchFrames = frames;
    let last = -1;
    const tick = (t: number) => {
      if (window.cgBenchFrames !== frames) return;
      if (last >= 0) frames.push(t - last);
      last = t;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

async function stopFrames(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const frames = window.cgBenchFrames ?? [];
    window.cgBenchFrames = undefined;
    return frames;
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Presses at `from` and moves in small steps, back and forth, for `durationMs`, then returns to
 * `from` and releases: what was dragged ends where it began.
 */
async function dragFor(page: Page, from: Point, durationMs: number): Promise<number> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  const start = Date.now();
  let offset = 0;
  let direction = 1;
  let moves = 0;
  while (Date.now() - start < durationMs) {
    offset += direction * STEP_PX;
    if (Math.abs(offset) >= SPAN_PX) direction = -direction;
    await page.mouse.move(from.x + offset, from.y + offset / 4);
    moves++;
    const due = start + moves * MOUSE_INTERVAL_MS;
    if (due > Date.now()) await sleep(due - Date.now());
  }
  await page.mouse.move(from.x, from.y);
  await page.mouse.up();
  return moves;
}

/** Frame deltas (ms) while the mouse drags from `from` for `durationMs`. */
export async function framesWhileDragging(
  page: Page,
  from: Point,
  durationMs: number,
): Promise<number[]> {
  await startFrames(page);
  await dragFor(page, from, durationMs);
  return stopFrames(page);
}

/** Starts collecting long tasks (main-thread tasks over 50 ms) from now on. */
export async function startLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const tasks: [number, number][] = [];
    window.cgBenchLongTasks = tasks;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) tasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask' });
  });
}

export const longTasks = (page: Page): Promise<[number, number][]> =>
  page.evaluate(() => window.cgBenchLongTasks ?? []);

/** A point of the empty canvas (the pane itself is hit there), searched bottom-up in `box`. */
export async function findEmptyPane(
  page: Page,
  box: { x: number; y: number; width: number; height: number },
): Promise<Point> {
  const point = await page.evaluate((b) => {
    for (let y = b.y + b.height - 100; y > b.y + 20; y -= 20) {
      for (let x = b.x + b.width / 2 - 200; x < b.x + b.width / 2 + 200; x += 20) {
        if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane'))
          return { x, y };
      }
    }
    return null;
  }, box);
  if (!point) throw new Error('no empty canvas to pan from');
  return point;
}
