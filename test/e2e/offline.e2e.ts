import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createExampleMap } from '../../src/domain/exampleMap';
import { createEmptyMap } from '../../src/domain/factories';
import { exportMapJson } from '../../src/io/json';
import { launchWithProfile, newAppPage, screenshotOnFailure } from './browser';
import { dialogNamed, importFile, waitUntilSaved } from './importHelpers';
import {
  pagesControlledByNewVersion,
  serveWithNextVersion,
  storedAtSkipWaiting,
  visitUntilControlled,
} from './serviceWorkerHelpers';
import { setUpBrowser, waitForMapName } from './launch';

const example = createExampleMap('2026-01-01T00:00:00.000Z');
const missionTitle = example.goals.find((g) => g.kind === 'mission')?.title ?? '';
const conflictTitle = example.conflicts[0]?.title ?? '';
const UPDATE_READY = 'A new version of Common Ground is ready.';
const RENAMED = 'Renamed just before the update';

let browser: Browser;
let page: Page;

setUpBrowser((launched) => (browser = launched));
screenshotOnFailure('offline', () => page);

const button = (name: string) => page.getByRole('button', { name, exact: true });
const node = (name: string) => page.getByRole('group', { name, exact: true });

/** A fresh browser context (no service worker yet) and its page; returns the page's errors. */
async function openPage(): Promise<string[]> {
  const opened = await newAppPage(browser);
  page = opened.page;
  return opened.errors;
}

/** First visit: the app opens and its service worker has precached everything and controls it. */
async function firstVisit(): Promise<void> {
  await visitUntilControlled(page, inject('baseUrl'));
  await node(missionTitle).waitFor();
}

/**
 * Cuts the browser off: offline, and every request that would leave the browser (the page's or
 * the service worker's own) is aborted and recorded. What the service worker answers from its
 * cache never gets here.
 */
async function cutNetwork(context: BrowserContext): Promise<string[]> {
  const reached: string[] = [];
  await context.route('**', async (route) => {
    reached.push(route.request().url());
    await route.abort('internetdisconnected');
  });
  await context.setOffline(true);
  return reached;
}

/**
 * Every request of the context from now on, the service worker's included: those to another
 * origin (there must be none, online or off), and the paths the service worker itself asked for.
 */
function recordRequests(context: BrowserContext): { foreign: string[]; fromWorker: string[] } {
  const origin = new URL(inject('baseUrl')).origin;
  const foreign: string[] = [];
  const fromWorker: string[] = [];
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (request.serviceWorker()) fromWorker.push(url.pathname);
    if (/^(https?|wss?):$/.test(url.protocol) && url.origin !== origin) foreign.push(url.href);
  });
  return { foreign, fromWorker };
}

/** How far a goal's centre sits to the side of another's. */
async function sideways(from: string, to: string): Promise<number> {
  const [a, b] = [await node(from).boundingBox(), await node(to).boundingBox()];
  if (!a || !b) throw new Error(`${from} or ${to} is not on screen`);
  return Math.abs(a.x + a.width / 2 - (b.x + b.width / 2));
}

/** Dragging a lone child aside pins it there; Auto layout (the layout worker) centres it below its parent again. */
async function autoLayoutPutsBack(child: string, parent: string): Promise<void> {
  // The camera may still be gliding to the goal just added: grab it once it stands still.
  const standsStill = async () => {
    const before = await node(child).boundingBox();
    await page.waitForTimeout(100);
    const after = await node(child).boundingBox();
    return before?.x === after?.x && before?.y === after?.y;
  };
  await expect.poll(standsStill).toBe(true);
  const box = await node(child).boundingBox();
  if (!box) throw new Error(`${child} is not on screen`);
  await page.mouse.move(box.x + 20, box.y + 10);
  await page.mouse.down();
  await page.mouse.move(box.x + 260, box.y + 40, { steps: 8 });
  await page.mouse.up();
  await expect.poll(() => sideways(child, parent)).toBeGreaterThan(100);
  await button('Auto layout').click();
  await expect.poll(() => sideways(child, parent)).toBeLessThan(2);
}

/** Picks an Export menu item and waits for the dialog it opens. */
async function openExportDialog(item: string, dialog: string) {
  await button('Export').click();
  await page.getByRole('menuitem', { name: item, exact: true }).click();
  const opened = dialogNamed(page, dialog);
  await opened.waitFor();
  return opened;
}

/** Every screen and dialog that loads on demand, used as a user would; the PNG is exported. */
async function visitLazyScreens(): Promise<void> {
  await button('Map health').click();
  await page.getByRole('region', { name: 'Map health' }).waitFor();
  await button('Conflicts').click();
  await page.getByRole('button', { name: `Open conflict: ${conflictTitle}` }).click();
  await button('Workshop mode').click();
  await page.getByRole('main', { name: 'Workshop mode' }).waitFor();
  await page.keyboard.press('Escape');
  const download = page.waitForEvent('download');
  const png = await openExportDialog('PNG', 'Export PNG');
  await png.getByRole('button', { name: 'Export PNG' }).click();
  expect((await download).suggestedFilename()).toBe('Northwind Analytics.png');
  const brief = await openExportDialog('Conflict brief', 'Conflict brief');
  await page.keyboard.press('Escape');
  await brief.waitFor({ state: 'detached' });
  const dir = await mkdtemp(join(tmpdir(), 'cg-offline-'));
  const path = join(dir, 'side.json');
  await writeFile(path, exportMapJson(createEmptyMap('Side map', '2026-01-01T00:00:00.000Z')));
  await importFile(page, path);
  await dialogNamed(page, 'Import "Side map"').waitFor();
  await page.keyboard.press('Escape');
}

async function addGoal(goal: string): Promise<void> {
  await button('Add goal').click();
  const title = page.getByRole('textbox', { name: 'Title' });
  await title.fill(goal);
  await title.press('Enter');
  await node(goal).waitFor();
}

/** From the library (loaded on demand): a new empty map with a goal and one below it, saved. */
async function createMapWithGoals(top: string, below: string): Promise<void> {
  await button('Maps').click();
  await page.getByRole('button', { name: 'Start from an empty map' }).click();
  await waitForMapName(page, 'Untitled map');
  await addGoal(top);
  await node(top).click();
  await addGoal(below);
  await autoLayoutPutsBack(below, top);
  await waitUntilSaved(page);
}

describe('offline', () => {
  it('after the first visit, opens and works fully with the network off, asking no other origin for anything', async () => {
    const errors = await openPage();
    const { foreign, fromWorker } = recordRequests(page.context());
    await firstVisit();
    expect(fromWorker).toContain('/manifest.webmanifest');
    const reached = await cutNetwork(page.context());
    // Proof that the cut holds for the service worker's own fetches: a file it never precached.
    expect(await page.evaluate(() => fetch('/screenshot.png').then(() => 'loaded', String))).toBe(
      'TypeError: Failed to fetch',
    );
    expect(reached).toEqual([new URL('/screenshot.png', inject('baseUrl')).href]);
    await expect
      .poll(() => errors)
      .toEqual(['Failed to load resource: net::ERR_INTERNET_DISCONNECTED']);
    reached.length = 0;
    errors.length = 0;

    await page.reload();
    await node(missionTitle).waitFor();
    await page.getByRole('checkbox', { name: example.stakeholders[0]?.name ?? '' }).check();
    await page.getByRole('checkbox', { name: example.stakeholders[1]?.name ?? '' }).check();
    await button('Find common ground').click();
    await visitLazyScreens();
    await createMapWithGoals('Planned offline', 'Edited offline');
    await page.reload();
    await node('Planned offline').waitFor();
    await node('Edited offline').waitFor();
    await waitForMapName(page, 'Untitled map');
    expect(reached).toEqual([]);
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('meets Chromium’s installability criteria, with the manifest and icons it needs', async () => {
    const context = await launchWithProfile(await mkdtemp(join(tmpdir(), 'cg-profile-')));
    try {
      page = context.pages()[0] ?? (await context.newPage());
      await visitUntilControlled(page, inject('baseUrl'));
      const devtools = await context.newCDPSession(page);
      const { installabilityErrors } = await devtools.send('Page.getInstallabilityErrors');
      expect(installabilityErrors).toEqual([]);
      const manifest = await devtools.send('Page.getAppManifest');
      expect(manifest.errors).toEqual([]);
      const parsed: unknown = JSON.parse(manifest.data ?? '{}');
      expect(parsed).toMatchObject({
        name: 'Common Ground',
        display: 'standalone',
        icons: [
          { sizes: '192x192', type: 'image/png' },
          { sizes: '512x512', type: 'image/png' },
          { sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      });
    } finally {
      await context.close();
    }
  });
});

/** The whole update, from the offer to the page running the new version with the edit kept. */
async function offeredAndApplied(server: { url: string; publish(): void }): Promise<void> {
  const opened = await newAppPage(browser);
  page = opened.page;
  const atSkipWaiting = await storedAtSkipWaiting(page, RENAMED);
  await visitUntilControlled(page, server.url);
  await node(missionTitle).waitFor();
  const context = page.context();
  await page.evaluate(() => Reflect.set(window, 'stillTheSamePage', true));
  server.publish();
  await page.evaluate(async () => {
    await (await navigator.serviceWorker.getRegistration())?.update();
  });
  const notice = page.getByRole('status').filter({ hasText: UPDATE_READY });
  await notice.waitFor();
  await page.screenshot({ path: 'test-results/update-ready.png' });
  // Longer than any passing notice stays: it is still offered, and nothing reloaded.
  await page.waitForTimeout(5000);
  await notice.waitFor();
  expect(await page.evaluate((): unknown => Reflect.get(window, 'stillTheSamePage'))).toBe(true);
  expect(await pagesControlledByNewVersion(context)).toBe(0);

  await node(missionTitle).click();
  // Typed and not even committed with Enter: the click on the button is what ends the edit.
  await page.getByRole('textbox', { name: 'Title' }).fill(RENAMED);
  const reloaded = page.waitForEvent('load');
  await notice.getByRole('button', { name: 'Reload to update' }).click();
  await reloaded;
  // Saved before the new version took over, not merely by the page-hide flush during the reload.
  expect(atSkipWaiting.stored).toBe(true);
  await node(RENAMED).waitFor();
  expect(
    await page.evaluate((): unknown => Reflect.get(window, 'stillTheSamePage')),
  ).toBeUndefined();
  expect(await pagesControlledByNewVersion(context)).toBe(1);
  expect(await notice.count()).toBe(0);
  expect(opened.errors).toEqual([]);
}

describe('a new version', () => {
  it('is offered, never reloads by itself, and keeps an edit made just before reloading', async () => {
    const server = await serveWithNextVersion();
    try {
      await offeredAndApplied(server);
    } finally {
      await server.close();
    }
  });
});
