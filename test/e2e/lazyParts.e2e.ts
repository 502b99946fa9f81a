import { describe, expect, inject, it } from 'vitest';
import type { Browser, Page, Route } from 'playwright-core';
import { FIRST_MAP_CHUNKS, firstMapChunkOf } from '../bench/firstMap';
import { newAppPage, screenshotOnFailure } from './browser';
import { createExampleMap } from '../../src/domain/exampleMap';
import { setUpAppPage, showsNode } from './launch';

const example = createExampleMap('2026-01-01T00:00:00.000Z');
const mission = example.goals.find((g) => g.kind === 'mission');

let browser: Browser;
let page: Page;
let errors: string[];
/** Every script and stylesheet the page fetched from the build, in order. */
const fetched: string[] = [];

setUpAppPage(
  {
    beforeLoad: (opened) => {
      opened.on('request', (request) => {
        const { pathname } = new URL(request.url());
        if (/\.(js|css)$/.test(pathname)) fetched.push(pathname);
      });
      return undefined;
    },
    ready: showsNode(mission?.title ?? ''),
  },
  (app) => ({ browser, page, errors } = app),
);
screenshotOnFailure('lazy-parts', () => page);

describe('parts of the editor that load on demand', () => {
  it('are fetched while the browser is idle after the first screen, unasked', async () => {
    await expect.poll(() => fetched.some((f) => f.includes('/ConflictsPanel-'))).toBe(true);
    // The goal's details are declared inside the inspector, itself fetched when idle.
    await expect.poll(() => fetched.some((f) => f.includes('/GoalInspector-'))).toBe(true);
    // Parts declared by a part just fetched wait for the next idle moment, up to two seconds on a
    // busy machine: done once nothing new came for longer than that.
    let seen = -1;
    await expect
      .poll(
        () => {
          const quiet = seen === fetched.length;
          seen = fetched.length;
          return quiet;
        },
        { interval: 2500, timeout: 30_000 },
      )
      .toBe(true);
  });

  it('then open without fetching anything', async () => {
    const before = fetched.length;
    await page.getByRole('group', { name: mission?.title ?? '' }).click();
    await page.getByRole('region', { name: 'Goal details' }).waitFor();
    await page.getByRole('button', { name: 'Conflicts', exact: true }).click();
    await page.getByRole('heading', { name: 'Conflicts' }).waitFor();
    await page.getByRole('button', { name: 'Map health' }).click();
    await page.getByRole('heading', { name: 'Map health' }).waitFor();
    await page.getByRole('button', { name: 'Alignment matrix' }).click();
    const matrix = page.getByRole('dialog', { name: 'Alignment matrix' });
    await matrix.waitFor();
    await matrix.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    expect(fetched.slice(before)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('focus the title of a goal added while its details are still on their way', async () => {
    const slow = await newAppPage(browser);
    // A slow network: the goal's details arrive seconds after the click on Add goal.
    await slow.page.route(/\/GoalInspector-[^/]*\.js$/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 3000));
      await route.continue();
    });
    await slow.page.goto(inject('baseUrl'));
    await slow.page.getByRole('button', { name: 'New map' }).click();
    await slow.page.getByRole('note').getByText('An empty map').waitFor();
    await slow.page.getByRole('button', { name: 'Add goal' }).click();
    const title = slow.page.getByRole('textbox', { name: 'Title' });
    await expect
      .poll(() => title.evaluate((el) => el === document.activeElement), { timeout: 10_000 })
      .toBe(true);
    expect(slow.errors).toEqual([]);
    await slow.page.context().close();
  });

  it('open a file dropped before the import controls arrived, once they do', async () => {
    const slow = await newAppPage(browser);
    let arrive: (() => void) | undefined;
    const held = new Promise<void>((resolve) => (arrive = resolve));
    await slow.page.route(/\/ImportControls-[^/]*\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await slow.page.goto(inject('baseUrl'));
    await slow.page.getByRole('group', { name: mission?.title ?? '' }).waitFor();
    // Cancelled, the drag and the drop: a browser opens a dropped file in place of the app unless
    // the page cancels both.
    const cancelled = await slow.page.evaluate((name) => {
      const file = {
        format: 'common-ground',
        version: 2,
        map: {
          id: 'm-early',
          name,
          description: '',
          createdAt: '2026-01-01T00:00:00Z',
          updatedAt: '2026-01-01T00:00:00Z',
        },
        goals: [{ id: 'g1', title: 'Dropped early', kind: 'mission' }],
        links: [],
        stakeholders: [],
        incentives: [],
        conflicts: [],
      };
      const data = new DataTransfer();
      data.items.add(new File([JSON.stringify(file)], 'early.json', { type: 'application/json' }));
      return ['dragover', 'drop'].map(
        (type) =>
          !document.body.dispatchEvent(
            new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }),
          ),
      );
    }, 'Dropped before the controls');
    expect(cancelled).toEqual([true, true]);
    expect(await slow.page.getByRole('button', { name: 'Import', exact: true }).count()).toBe(0);
    arrive?.();
    await slow.page.getByRole('dialog', { name: 'Import "Dropped before the controls"' }).waitFor();
    expect(slow.errors).toEqual([]);
    await slow.page.context().close();
  });

  it('are not needed for the first map: a first visit draws it with only what the bundle budget counts', async () => {
    const base = inject('baseUrl');
    // The first screen: what index.html names. The bundle suite counts these and the chunks of
    // test/bench/firstMap.ts against the budget; every other script and stylesheet is held back.
    const indexHtml = await (await fetch(base)).text();
    const firstScreen = new Set(indexHtml.match(/\/assets\/[^"']+\.(?:js|css)/g));
    const counted: string[] = [];
    const held: Route[] = [];
    const isDatabase = (route: Route) =>
      firstMapChunkOf(route.request().url())?.name === 'database';
    /** What is held back: first every file not counted, then the database's code alone. */
    let holding: 'all' | 'database' | 'nothing' = 'all';
    const slow = await newAppPage(browser);
    await slow.page.route(/\.(js|css)$/, async (route) => {
      const { pathname } = new URL(route.request().url());
      const chunk = firstMapChunkOf(pathname);
      const waitedOn = firstScreen.has(pathname) || (chunk && chunk.visits !== 'return');
      const hold = holding === 'all' || (holding === 'database' && isDatabase(route));
      if (!waitedOn && hold) held.push(route);
      else {
        counted.push(pathname);
        await route.continue();
      }
    });
    await slow.page.goto(base);
    await slow.page.getByRole('group', { name: mission?.title ?? '' }).waitFor();
    // …each chunk counted beside the first screen was fetched on the way.
    const firstVisitChunks = FIRST_MAP_CHUNKS.filter((chunk) => chunk.visits !== 'return');
    expect(new Set(counted.map((path) => firstMapChunkOf(path)?.name))).toEqual(
      new Set([undefined, ...firstVisitChunks.map((chunk) => chunk.name)]),
    );
    // The database's code (Dexie) is asked for once the map is drawn, and held back too: so a
    // file the map came to wait on would have failed this test.
    await expect.poll(() => held.some(isDatabase)).toBe(true);

    // Everything but the database arrives: an edit made before storage opens is on screen, said
    // to be unsaved, and stored once storage opens; a reload finds it.
    holding = 'database';
    await Promise.all(held.filter((route) => !isDatabase(route)).map((route) => route.continue()));
    await slow.page.getByRole('group', { name: mission?.title ?? '' }).click();
    const title = slow.page.getByRole('textbox', { name: 'Title' });
    await title.fill('Edited before storage opened');
    await title.press('Enter');
    const saveStatus = slow.page.getByRole('status', { name: 'Save status' });
    expect(await saveStatus.textContent()).toBe('Saving…');
    holding = 'nothing';
    await Promise.all(held.filter(isDatabase).map((route) => route.continue()));
    await expect.poll(() => saveStatus.textContent()).toBe('All changes saved');
    await slow.page.reload();
    await slow.page.getByRole('group', { name: 'Edited before storage opened' }).waitFor();
    expect(slow.errors).toEqual([]);
    await slow.page.context().close();
  });
});
