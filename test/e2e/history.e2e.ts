import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { revealNode } from './browser';
import { createExampleMap } from '../../src/domain/exampleMap';
import { dialogNamed, downloadedText, waitUntilSaved } from './importHelpers';
import { setUpAppPage } from './launch';

/**
 * Version history and the backup reminder in the built app. Pauses in editing are real pauses of
 * the page's clock (Playwright's fake timers), fast-forwarded instead of waited for.
 */

const HISTORY = 'History of “Northwind Analytics”';
const MISSION =
  createExampleMap('2026-01-01T00:00:00.000Z').goals.find((g) => g.kind === 'mission')?.title ?? '';

let page: Page;
let errors: string[];

setUpAppPage(
  {
    viewport: { width: 1440, height: 900 },
    // Installed before the app loads, so every Date and timer the app uses runs on this clock.
    beforeLoad: (opened) => opened.clock.install({ time: new Date('2026-03-02T09:00:00') }),
    ready: (opened) => opened.getByRole('group', { name: MISSION, exact: true }),
    screenshots: 'history',
  },
  (app) => ({ page, errors } = app),
);

function node(name: string): Locator {
  return page.getByRole('group', { name, exact: true });
}
const button = (name: string | RegExp) => page.getByRole('button', { name, exact: true });
const reminder = () => page.getByRole('region', { name: 'Backup reminder' });
const versions = () =>
  dialogNamed(page, HISTORY).getByRole('list', { name: 'Earlier versions' }).getByRole('listitem');

/** Adds a free goal and names it, as a user types it. */
async function addGoal(name: string): Promise<void> {
  await button('Add goal').click();
  const title = page.getByRole('textbox', { name: 'Title' });
  await expect.poll(() => title.evaluate((el) => el === document.activeElement)).toBe(true);
  await title.fill(name);
  await title.press('Enter');
  await node(name).waitFor();
  await waitUntilSaved(page);
}

async function openHistory(): Promise<Locator> {
  await button('History').click();
  const dialog = dialogNamed(page, HISTORY);
  await dialog.waitFor();
  return dialog;
}

describe('version history', () => {
  it('keeps no version while editing continues, and no reminder for a map just opened', async () => {
    await addGoal('Before the break');
    const dialog = await openHistory();
    await dialog.getByText('No earlier versions yet.', { exact: false }).waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    expect(await reminder().count()).toBe(0);
  });

  it('keeps the stored version when editing resumes after an 11-minute pause', async () => {
    await page.clock.fastForward('11:00');
    await addGoal('After the break');
    await openHistory();
    await expect.poll(() => versions().count()).toBe(1);
    const version = versions().first();
    await version.getByText('Kept when editing resumed after a pause').waitFor();
    await version.getByText('27 goals · 7 stakeholders · 5 conflicts', { exact: false }).waitFor();
  });

  it('previews the version as a picture with what changed since, named', async () => {
    const dialog = dialogNamed(page, HISTORY);
    await dialog.getByRole('button', { name: /^Preview the version of / }).click();
    const picture = dialog.getByRole('img', { name: /as it was on/ });
    await picture.waitFor();
    await expect
      .poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBeGreaterThan(100);
    await dialog.getByText('Goals: 1 added (“After the break”)').waitFor();
    await page.screenshot({ path: 'test-results/history-panel.png' });
    // At its own size the picture is wider than the panel, which scrolls to show the rest.
    await dialog.getByRole('button', { name: 'Actual size' }).click();
    await expect
      .poll(() =>
        picture.evaluate(
          (img) => img.getBoundingClientRect().width > (img.parentElement?.clientWidth ?? Infinity),
        ),
      )
      .toBe(true);
    await page.screenshot({ path: 'test-results/history-panel-actual-size.png' });
  });

  it('restores it as one step: the canvas shows the old content, Undo brings the current back', async () => {
    await dialogNamed(page, HISTORY)
      .getByRole('button', { name: /^Restore the version of / })
      .click();
    await expect.poll(() => dialogNamed(page, HISTORY).count()).toBe(0);
    await page.getByRole('status').getByText('Restored the version of', { exact: false }).waitFor();
    await expect.poll(() => node('After the break').count()).toBe(0);
    await node('Before the break').waitFor();

    await button('Undo').click();
    await node('After the break').waitFor();
    await waitUntilSaved(page);
  });

  it('after a reload, both versions are still in History', async () => {
    await page.reload();
    await revealNode(page, 'After the break');
    await openHistory();
    await expect.poll(() => versions().count()).toBe(2);
    await versions().nth(0).getByText('Kept before an older version was restored').waitFor();
    await versions().nth(1).getByText('Kept when editing resumed after a pause').waitFor();
    await dialogNamed(page, HISTORY).getByRole('button', { name: 'Close' }).click();
  });
});

describe('backup reminder', () => {
  it('asks for an export of a map worked on in two sittings, and goes once it is exported', async () => {
    await reminder().getByText('Never backed up').waitFor();
    await page.screenshot({ path: 'test-results/history-backup-reminder.png' });
    const downloading = page.waitForEvent('download');
    await reminder().getByRole('button', { name: 'Export JSON' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('Northwind Analytics.json');
    expect(JSON.parse(await downloadedText(download))).toMatchObject({ format: 'common-ground' });
    await expect.poll(() => reminder().count()).toBe(0);

    await button('Maps').click();
    await page.getByText('Last exported just now', { exact: false }).waitFor();
    expect(errors).toEqual([]);
  });
});
