import { describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { newAppPage } from './browser';
import { createExampleMap } from '../../src/domain/exampleMap';
import { setUpAppPage, waitForMapName } from './launch';

const EXAMPLE = 'Northwind Analytics';
const EXAMPLE_COPY = 'Northwind Analytics (example)';
const missionTitle = createExampleMap('2026-01-01T00:00:00.000Z').goals.find(
  (g) => g.kind === 'mission',
)?.title;
if (!missionTitle) throw new Error('the example map needs a mission');

let browser: Browser;
let page: Page;
let errors: string[];
setUpAppPage({}, (app) => ({ browser, page, errors } = app));

const button = (name: string) => page.getByRole('button', { name, exact: true });
/** The open map's name, as the editor's top bar shows it. */

async function openLibrary(): Promise<void> {
  await button('Maps').click();
  await page.getByRole('heading', { name: 'Maps', level: 1 }).waitFor();
}

/** The maps the library lists, top to bottom, read from their Open buttons. */
async function listedMaps(): Promise<string[]> {
  await page.getByRole('list').getByRole('listitem').first().waitFor();
  const labels = await page
    .getByRole('button', { name: /^Open / })
    .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label') ?? ''));
  return labels.map((label) => label.replace(/^Open /, ''));
}

async function waitUntilSaved(): Promise<void> {
  await expect
    .poll(() => page.getByRole('status', { name: 'Save status' }).textContent())
    .toBe('All changes saved');
}

describe('map library', () => {
  it('lists the example map the first run opened', async () => {
    await page.getByRole('group', { name: missionTitle }).waitFor();
    await openLibrary();
    expect(await listedMaps()).toEqual([EXAMPLE]);
    await page.getByText('Edited just now · 26 goals · 7 stakeholders · 5 conflicts').waitFor();
  });

  it('New map creates an empty map and opens it', async () => {
    await button('New map').click();
    await waitForMapName(page, 'Untitled map');
    await openLibrary();
    expect((await listedMaps()).sort()).toEqual([EXAMPLE, 'Untitled map']);
  });

  it('renames the open map inline; the editor follows and undo reverts it', async () => {
    await button('Rename Untitled map').click();
    const field = page.getByRole('textbox', { name: 'Map name' });
    await field.fill('Pricing review');
    await field.press('Enter');
    await button('Open Pricing review').waitFor();
    await button('Back to Pricing review').click();
    await waitForMapName(page, 'Pricing review');
    await button('Undo').click();
    await waitForMapName(page, 'Untitled map');
    await button('Redo').click();
    await waitForMapName(page, 'Pricing review');
    await waitUntilSaved();
  });

  it('Escape keeps a typed name, as every field does, and Undo rename takes it back', async () => {
    await openLibrary();
    await button(`Rename ${EXAMPLE}`).click();
    const field = page.getByRole('textbox', { name: 'Map name' });
    await page.getByText('Enter or Esc saves the name').waitFor();
    await field.fill('Northwind, renamed');
    await field.press('Escape');
    await expect.poll(() => field.count()).toBe(0);
    await expect
      .poll(async () => (await listedMaps()).sort())
      .toEqual(['Northwind, renamed', 'Pricing review']);
    // A map that is not open has no undo history: its notice takes the rename back.
    await button('Undo rename').click();
    await expect.poll(async () => (await listedMaps()).sort()).toEqual([EXAMPLE, 'Pricing review']);
  });

  it('duplicates, deletes, undoes the delete and deletes again', async () => {
    await button('Duplicate Pricing review').click();
    await button('Open Pricing review (copy)').waitFor();

    await button('Delete Pricing review (copy)').click();
    await page.getByRole('status').getByText('Deleted “Pricing review (copy)”.').waitFor();
    await page.screenshot({ path: 'test-results/library-undo-delete.png' });
    await expect.poll(() => button('Open Pricing review (copy)').count()).toBe(0);
    await button('Undo delete').click();
    await button('Open Pricing review (copy)').waitFor();

    await button('Delete Pricing review (copy)').click();
    await expect.poll(() => button('Open Pricing review (copy)').count()).toBe(0);
    expect((await listedMaps()).sort()).toEqual([EXAMPLE, 'Pricing review']);
  });

  it('starts a map from the example, under its own name', async () => {
    await page.getByRole('button', { name: 'Start from the example map' }).click();
    await waitForMapName(page, EXAMPLE_COPY);
    await page.getByRole('group', { name: missionTitle }).waitFor();
    await waitUntilSaved();
  });

  it('after a reload, the last opened map is open and the library lists the same maps', async () => {
    await page.reload();
    await waitForMapName(page, EXAMPLE_COPY);
    await page.getByRole('group', { name: missionTitle }).waitFor();
    await openLibrary();
    const maps = await listedMaps();
    expect(maps[0]).toBe(EXAMPLE_COPY);
    expect([...maps].sort()).toEqual([EXAMPLE, EXAMPLE_COPY, 'Pricing review']);
    await page.mouse.move(0, 0);
    await page.screenshot({ path: 'test-results/library.png' });
    expect(errors).toEqual([]);
  });

  it('keeps a name still being typed when the page is reloaded', async () => {
    await button('Rename Pricing review').click();
    const field = page.getByRole('textbox', { name: 'Map name' });
    await field.fill('Typed, then reloaded');
    // No Enter, no blur: the reload itself keeps it.
    await page.reload();
    await waitForMapName(page, EXAMPLE_COPY);
    await openLibrary();
    expect([...(await listedMaps())].sort()).toEqual([
      EXAMPLE,
      EXAMPLE_COPY,
      'Typed, then reloaded',
    ]);
    expect(errors).toEqual([]);
  });
});

describe('an empty library', () => {
  it('says what to do next, also after a reload, and starts an empty map', async () => {
    const fresh = await newAppPage(browser);
    const { page: p } = fresh;
    await p.goto(inject('baseUrl'));
    await p.getByRole('group', { name: missionTitle }).waitFor();
    await p.getByRole('button', { name: 'Maps', exact: true }).click();
    await p.getByRole('button', { name: `Delete ${EXAMPLE}`, exact: true }).click();
    await p.getByText('No maps yet').waitFor();
    await p.reload();
    await p.getByText('No maps yet').waitFor();
    await p.screenshot({ path: 'test-results/library-empty.png' });
    await p.getByRole('button', { name: 'Start from an empty map' }).click();
    await waitForMapName(p, 'Untitled map');
    expect(fresh.errors).toEqual([]);
    await p.context().close();
  });
});
