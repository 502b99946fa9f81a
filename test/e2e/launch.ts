import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect, inject } from 'vitest';
import { launchBrowser, newAppPage, screenshotOnFailure } from './browser';

/**
 * The one way a browser test file starts: the system Chromium with our flags (browser.ts), one
 * browser per file (or per test), closed when done, and the built app served by globalSetup.
 */

export interface Viewport {
  readonly width: number;
  readonly height: number;
}

export interface OpenAppOptions {
  /** 1280×720 unless given. */
  readonly viewport?: Viewport;
  /** Runs on the page before the app loads: a clock, an init script, a listener. */
  readonly beforeLoad?: (page: Page) => Promise<unknown> | undefined;
  /** What shows the app is ready to use; the page waits for it after loading. */
  readonly ready?: (page: Page) => Locator;
  /** False: the page stays blank, for a test that loads the app itself. */
  readonly load?: boolean;
}

export interface OpenedApp {
  readonly page: Page;
  /** The page's errors and Content-Security-Policy violations (browser.ts collectPageErrors). */
  readonly errors: string[];
}

/** The goal (or person) drawn on the canvas under this name: the map is laid out and shown. */
export const showsNode =
  (name: string) =>
  (page: Page): Locator =>
    page.getByRole('group', { name });

/** A fresh context (own IndexedDB) on the app, loaded and ready unless told otherwise. */
export async function openApp(browser: Browser, options: OpenAppOptions = {}): Promise<OpenedApp> {
  const opened = await newAppPage(browser, options.viewport);
  await options.beforeLoad?.(opened.page);
  if (options.load !== false) {
    await opened.page.goto(inject('baseUrl'));
    await options.ready?.(opened.page).waitFor();
  }
  return opened;
}

/**
 * One browser for the test file, closed after its last test; `receive` is handed it first (and
 * may open what the file needs in it, awaited before the first test).
 */
export function setUpBrowser(receive: (browser: Browser) => unknown): void {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
    await receive(browser);
  });
  afterAll(async () => {
    await browser?.close();
  });
}

export interface AppPageOptions extends OpenAppOptions {
  /** Names the screenshot a failing test leaves in test-results/ (`<name>-failed-<test>.png`). */
  readonly screenshots?: string;
  /** A new browser and page for every test instead of one for the file. */
  readonly perTest?: boolean;
}

/**
 * A browser and one page on the app for the test file (or for each test); `receive` gets them
 * before the first test, so the file keeps them in its own `page` and `errors`.
 */
export function setUpAppPage(
  options: AppPageOptions,
  receive: (app: OpenedApp & { readonly browser: Browser }) => void,
): void {
  let browser: Browser | undefined;
  let page: Page | undefined;
  const [before, after] = options.perTest ? [beforeEach, afterEach] : [beforeAll, afterAll];
  before(async () => {
    browser = await launchBrowser();
    const opened = await openApp(browser, options);
    page = opened.page;
    receive({ ...opened, browser });
  });
  after(async () => {
    await browser?.close();
  });
  const { screenshots } = options;
  if (screenshots !== undefined) {
    screenshotOnFailure(screenshots, () => {
      if (!page) throw new Error('the app page never opened');
      return page;
    });
  }
}

/**
 * Waits until the header names the open map: its name is an editable field (loaded just after
 * the map shows), so the test reads the field's value rather than the header's text.
 */
export async function waitForMapName(page: Page, name: string): Promise<void> {
  const field = page.getByRole('banner').getByRole('textbox', { name: 'Map' });
  await field.waitFor();
  await expect.poll(() => field.inputValue(), { timeout: 20_000 }).toBe(name);
}

/**
 * Fits the view and drags the goal or person named `name` 200 px right and 120 px down (or `by`
 * on screen, at least 150 px right), which pins it. Returns a reader of the node's x on screen
 * and the x where the drop left it.
 */
export async function dragNodeOutOfPlace(
  page: Page,
  name: string,
  by: { readonly x: number; readonly y: number } = { x: 200, y: 120 },
): Promise<{ x: () => Promise<number>; dropped: number }> {
  const node = page.getByRole('group', { name, exact: true });
  await page.getByRole('button', { name: 'Fit view' }).click();
  const start = await node.boundingBox();
  if (!start) throw new Error(`${name} not visible`);
  const grab = { x: start.x + start.width / 2, y: start.y + start.height / 2 };
  await page.mouse.move(grab.x, grab.y);
  await page.mouse.down();
  await page.mouse.move(grab.x + by.x, grab.y + by.y, { steps: 10 });
  await page.mouse.up();
  const x = async () => (await node.boundingBox())?.x ?? Number.NaN;
  await expect.poll(x).toBeGreaterThan(start.x + 150);
  return { x, dropped: await x() };
}

/** Waits until the camera stops moving (fits animate for up to half a second). */
export async function settled(page: Page): Promise<void> {
  const transform = () =>
    page.evaluate(
      () => document.querySelector('.react-flow__viewport')?.getAttribute('style') ?? '',
    );
  let last = '';
  await expect
    .poll(
      async () => {
        const now = await transform();
        const still = now === last;
        last = now;
        return still;
      },
      { interval: 300 },
    )
    .toBe(true);
}
