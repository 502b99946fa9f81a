import { afterEach, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { watchErrors } from './browser';
import { createExampleMap } from '../../src/domain/exampleMap';
import { setUpBrowser } from './launch';

/*
 * Two tabs of the app on one origin (one browser context: one IndexedDB), both on the example map.
 */

const example = createExampleMap('2026-01-01T00:00:00.000Z');
const mission = example.goals.find((g) => g.kind === 'mission')?.title ?? '';

let browser: Browser;
let context: BrowserContext;
let errors: string[];

setUpBrowser((launched) => (browser = launched));
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') {
    for (const [i, page] of context.pages().entries()) {
      await page.screenshot({
        path: `test-results/tabs-failed-${i}-${task.name.replace(/\W+/g, '-')}.png`,
      });
    }
  }
  expect(errors).toEqual([]);
  await context.close();
});

/** Opens a tab of the app in the shared context; `before` runs in the page before the app does. */
async function openTab(before?: () => void): Promise<Page> {
  const page = await context.newPage();
  await watchErrors(page, errors);
  if (before) await page.addInitScript(before);
  await page.goto(inject('baseUrl'));
  await page.getByRole('group', { name: mission }).waitFor();
  return page;
}

async function twoTabs(beforeSecond?: () => void): Promise<[Page, Page]> {
  context = await browser.newContext({
    viewport: { width: 1280, height: 720 },
    acceptDownloads: true,
  });
  errors = [];
  const first = await openTab();
  return [first, await openTab(beforeSecond)];
}

const node = (page: Page, name: string) => page.getByRole('group', { name, exact: true });

async function retitle(page: Page, from: string, to: string): Promise<void> {
  await node(page, from).click();
  const title = page.getByRole('textbox', { name: 'Title' });
  await title.fill(to);
  await title.press('Enter');
  await node(page, to).waitFor();
}

async function waitUntilSaved(page: Page): Promise<void> {
  await expect
    .poll(() => page.getByRole('status', { name: 'Save status' }).textContent())
    .toBe('All changes saved');
}

const storageAlert = (page: Page) => page.getByRole('alert', { name: 'Storage problem' });

/**
 * A tab that missed what the others wrote (frozen or discarded in the background): it hears no
 * cross-tab message, neither Dexie's BroadcastChannel nor its localStorage fallback.
 */
function deafToOtherTabs(): void {
  class SilentChannel extends EventTarget {
    name: string;
    onmessage = null;
    constructor(name: string) {
      super();
      this.name = name;
    }
    postMessage(): void {}
    close(): void {}
  }
  Object.defineProperty(window, 'BroadcastChannel', { value: SilentChannel });
  const listen = window.addEventListener.bind(window);
  window.addEventListener = (type: string, ...rest: [EventListenerOrEventListenerObject]) => {
    if (type !== 'storage') listen(type, ...rest);
  };
}

describe('two tabs on one map', () => {
  it('shows an edit made in one tab in the other within a second', async () => {
    const [a, b] = await twoTabs();
    await retitle(a, 'Gross margin', 'Gross margin after pricing');
    await waitUntilSaved(a);
    const savedAt = Date.now();
    await node(b, 'Gross margin after pricing').waitFor({ timeout: 5_000 });
    console.log(`cross-tab sync: shown in the other tab ${Date.now() - savedAt} ms after the save`);
    await waitUntilSaved(b);
    await b.screenshot({ path: 'test-results/tabs-synced.png' });
  });

  it('never lets a tab that missed the other’s edit write over it: both edits are kept', async () => {
    const [a, stale] = await twoTabs(deafToOtherTabs);
    await retitle(a, 'Gross margin', 'Edited in tab A');
    await waitUntilSaved(a);
    await expect.poll(() => node(stale, 'Gross margin').count()).toBe(1);
    await retitle(stale, 'Logo churn', 'Edited in the stale tab');
    await waitUntilSaved(stale);
    // The stale tab's save found a newer version stored, merged it, and shows both edits.
    await node(stale, 'Edited in tab A').waitFor();
    await a.reload();
    await node(a, 'Edited in tab A').waitFor();
    await node(a, 'Edited in the stale tab').waitFor();
  });

  it('keeps the stale tab’s title when both renamed the same goal, and says so', async () => {
    const [a, stale] = await twoTabs(deafToOtherTabs);
    await retitle(a, 'Logo churn', 'Churn (tab A)');
    await waitUntilSaved(a);
    await retitle(stale, 'Logo churn', 'Churn (stale tab)');
    await waitUntilSaved(stale);
    await stale
      .getByRole('status')
      .getByText(/also changed in another tab/)
      .waitFor();
    await a.reload();
    await node(a, 'Churn (stale tab)').waitFor();
    expect(await node(a, 'Churn (tab A)').count()).toBe(0);
  });

  it('tells the other tab when the map is deleted, saves nothing more, and can restore it', async () => {
    const [a, b] = await twoTabs();
    await a.getByRole('button', { name: 'Maps', exact: true }).click();
    await a.getByRole('button', { name: `Delete ${example.map.name}` }).click();
    await storageAlert(b).getByText('was deleted in another tab').waitFor();
    await b.screenshot({ path: 'test-results/tabs-deleted-elsewhere.png' });

    await retitle(b, 'Gross margin', 'Edited after the delete');
    await expect
      .poll(() => b.getByRole('status', { name: 'Save status' }).textContent())
      .toContain('Not saved');
    await a.waitForTimeout(1_000);
    expect(await a.getByRole('button', { name: `Open ${example.map.name}` }).count()).toBe(0);

    await storageAlert(b).getByRole('button', { name: 'Restore this map' }).click();
    await waitUntilSaved(b);
    await a.getByRole('button', { name: `Open ${example.map.name}` }).click();
    await node(a, 'Edited after the delete').waitFor();
  });

  it('stops writing and asks to reload when another tab upgrades the database', async () => {
    const [a, b] = await twoTabs();
    await retitle(a, 'Gross margin', 'Saved before the upgrade');
    // A newer version of the app opens the database at a higher version in the other tab.
    const stored = await b.evaluate(
      () =>
        new Promise<string>((resolve, reject) => {
          const request = indexedDB.open('common-ground', 100_000);
          request.onerror = () => reject(new Error(request.error?.message ?? 'open failed'));
          request.onsuccess = () => {
            const db = request.result;
            const get = db.transaction('documents').objectStore('documents').getAll();
            get.onsuccess = () => {
              db.close();
              resolve(JSON.stringify(get.result));
            };
          };
        }),
    );
    expect(stored).toContain('Saved before the upgrade');
    for (const tab of [a, b]) {
      await storageAlert(tab)
        .getByText('A newer version of Common Ground opened in another tab')
        .waitFor();
    }
    await storageAlert(a).getByRole('button', { name: 'Reload' }).waitFor();
    await a.screenshot({ path: 'test-results/tabs-upgraded-elsewhere.png' });
    await retitle(a, 'Saved before the upgrade', 'After the upgrade');
    const status = a.getByRole('status', { name: 'Save status' });
    await expect.poll(() => status.textContent()).toBe('Not saved');
    expect(await status.getAttribute('title')).toContain('reload to go on');
  });
});
