import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createExampleMap } from '../../src/domain/exampleMap';
import { validateStoredMaps } from '../unit/db/storedMaps';
import { collectPageErrors } from './browser';
import { readRawTables } from './storedMaps';
import { setUpAppPage } from './launch';

/**
 * Issue #6: "edits are flushed when the tab is hidden or closed". Each test commits an edit and
 * leaves at once, well inside autosave's quiet time (400 ms): with today's autosave only the flush
 * on leaving can store it, however a fix goes about it.
 */

const example = createExampleMap('2026-01-01T00:00:00.000Z');
const mission = example.goals.find((g) => g.kind === 'mission');
if (!mission) throw new Error('the example map needs a mission');
const missionId = mission.id;

let page: Page;
let errors: string[];
/** The mission's title as the app shows it now. */
let shown = mission.title;
setUpAppPage({}, (app) => ({ page, errors } = app));

async function storedMissionTitle(): Promise<string | undefined> {
  const stored = validateStoredMaps(await readRawTables(page));
  return stored.get(example.map.id)?.doc.goals.find((g) => g.id === missionId)?.title;
}

/** Renames the mission in the inspector; resolves as soon as the edit is committed. */
async function commitTitle(title: string): Promise<void> {
  const search = page.getByRole('searchbox', { name: 'Search map' });
  await search.fill(shown);
  await search.press('Enter');
  const field = page.getByRole('textbox', { name: 'Title' });
  await expect.poll(() => field.inputValue(), { timeout: 20_000 }).toBe(shown);
  await field.fill(title);
  await field.press('Enter');
  shown = title;
}

/** After the app started again: the mission title it stored (and now shows). */
async function storedAfterStart(): Promise<string | undefined> {
  await page.getByRole('status', { name: 'Save status' }).waitFor();
  const stored = await storedMissionTitle();
  // What the app shows now, so that the next edit finds the mission whatever happened here.
  shown = stored ?? shown;
  return stored;
}

/**
 * Commits an edit and leaves at once, `times` times; returns what was stored after each start.
 * Leaving races the page's teardown, so one lucky write proves nothing: every one must land.
 */
async function editAndLeave(what: string, times: number, leave: () => Promise<void>) {
  const stored: (string | undefined)[] = [];
  for (let i = 0; i < times; i++) {
    await commitTitle(`${what} right after edit ${i}`);
    await leave();
    stored.push(await storedAfterStart());
  }
  return stored;
}

const edits = (what: string, times: number) =>
  Array.from({ length: times }, (_, i) => `${what} right after edit ${i}`);

describe('edits made just before leaving the page', () => {
  it('are stored when the tab is hidden (the page lives on)', async () => {
    await page.getByRole('status', { name: 'Save status' }).waitFor();
    const stored = await editAndLeave('Hidden', 1, async () => {
      await page.evaluate(() => {
        Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
        document.dispatchEvent(new Event('visibilitychange'));
      });
      await expect.poll(storedMissionTitle).toBe(shown);
      await page.reload();
    });
    expect(stored).toEqual(edits('Hidden', 1));
    expect(errors).toEqual([]);
  });

  it('are stored when the page is reloaded', async () => {
    const stored = await editAndLeave('Reloaded', 3, async () => {
      await page.reload();
    });
    expect(stored).toEqual(edits('Reloaded', 3));
    expect(errors).toEqual([]);
  });

  it('are stored when the tab is closed', async () => {
    const stored = await editAndLeave('Closed', 5, async () => {
      const context = page.context();
      await page.close({ runBeforeUnload: true });
      page = await context.newPage();
      errors = await collectPageErrors(page);
      await page.goto(inject('baseUrl'));
    });
    expect(stored).toEqual(edits('Closed', 5));
    expect(errors).toEqual([]);
  });
});
