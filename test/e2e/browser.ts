import { existsSync } from 'node:fs';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from 'playwright-core';
import { afterEach } from 'vitest';

/** The system Chromium: we never download a browser (downloads fail on our machines). */
export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `No Chromium at ${path}: install it with "apt-get install chromium" or set CHROMIUM_PATH to a Chromium binary.`,
    );
  }
  return path;
}

/**
 * Flags that work headless as root on our machines; the background-networking ones stop Chromium
 * from dialling out of a closed network at every start.
 */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_FLAGS });
}

/**
 * A browser with a real profile in `userDataDir` rather than an incognito-like context: Chromium
 * offers to install an app only there.
 */
export function launchWithProfile(userDataDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_FLAGS,
  });
}

/** Collects the page's errors (and Content-Security-Policy violations) into `errors`. */
export async function watchErrors(page: Page, errors: string[]): Promise<void> {
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  // A Content-Security-Policy violation is an error too, even where the browser logs nothing.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective}`);
    });
  });
}

/** A fresh context (own IndexedDB) and page at the given viewport, failing on page errors. */
export async function newAppPage(
  browser: Browser,
  viewport = { width: 1280, height: 720 },
): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  const page = await context.newPage();
  return { page, errors: await collectPageErrors(page) };
}

/**
 * The page's errors, console errors and Content-Security-Policy violations, collected from the
 * next navigation on; a browser test fails when the list is not empty.
 */
export async function collectPageErrors(page: Page): Promise<string[]> {
  const errors: string[] = [];
  await watchErrors(page, errors);
  return errors;
}

/**
 * Brings a node into view the way a user finds one on a big map: the search box centres on it.
 * The canvas draws only what is in view, so a node off screen is not in the page at all.
 */
export async function revealNode(page: Page, name: string): Promise<void> {
  // The canvas centres on a found node once the map is laid out, i.e. once it draws any node.
  await page.getByRole('group').first().waitFor();
  const search = page.getByRole('searchbox', { name: 'Search map' });
  await search.fill(name);
  await search.press('Enter');
  await page.getByRole('group', { name, exact: true }).waitFor();
}

/** Saves a screenshot of the page when a test fails, named after the file prefix and the test. */
export function screenshotOnFailure(prefix: string, page: () => Page): void {
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') {
      await page().screenshot({
        path: `test-results/${prefix}-failed-${task.name.replace(/\W+/g, '-')}.png`,
      });
    }
  });
}

/** Drags from one handle to another with the mouse, as a user connects two nodes. */
export async function dragHandles(page: Page, from: Locator, to: Locator): Promise<void> {
  const a = await from.boundingBox();
  const b = await to.boundingBox();
  if (!a || !b) throw new Error('handle not visible');
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
  await page.mouse.up();
}
