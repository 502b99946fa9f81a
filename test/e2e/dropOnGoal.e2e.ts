import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import type { MapDocument } from '../../src/domain/model';
import { validateStoredMaps } from '../unit/db/storedMaps';
import { launchBrowser, newAppPage, screenshotOnFailure } from './browser';
import { waitUntilSaved } from './importHelpers';
import { readRawTables } from './storedMaps';

/**
 * A link dragged from a goal's small handle and dropped anywhere on another goal's box, with
 * real mouse moves: the goal under the pointer is marked while dragging, the drop links to it
 * (checked in IndexedDB), undo takes it back, and a drop on nothing says how to link.
 */
let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  browser = await launchBrowser();
  ({ page, errors } = await newAppPage(browser, { width: 1440, height: 900 }));
  await page.goto(inject('baseUrl'));
  await page.getByRole('button', { name: 'New map' }).click();
  await page.getByRole('note').getByText('An empty map').waitFor();
});
afterAll(async () => {
  await browser.close();
});
screenshotOnFailure('dropOnGoal', () => page);

const node = (name: string): Locator => page.getByRole('group', { name, exact: true });
const up = (goal: string) =>
  page.getByTitle(`Link “${goal}” up to the goal it contributes to`, { exact: true });
const linkHere = (name: string) => node(name).getByText('Link here', { exact: true });

async function addGoal(name: string, parent?: string): Promise<void> {
  if (parent) await node(parent).click();
  await page.getByRole('button', { name: 'Add goal' }).click();
  const title = page.getByRole('textbox', { name: 'Title' });
  await expect.poll(() => title.evaluate((el) => el === document.activeElement)).toBe(true);
  await title.fill(name);
  await title.press('Enter');
  await node(name).waitFor();
}

async function centre(l: Locator): Promise<{ x: number; y: number }> {
  const box = await l.boundingBox();
  if (!box) throw new Error('not on screen');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Presses on a handle and moves to a point in small steps; the caller decides when to let go. */
async function dragFrom(handle: Locator, to: { x: number; y: number }): Promise<void> {
  await handle.hover();
  const from = await centre(handle);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 15 });
}

async function storedDoc(): Promise<MapDocument> {
  await waitUntilSaved(page);
  const docs = [...validateStoredMaps(await readRawTables(page)).values()].map((m) => m.doc);
  const doc = docs.find((d) => d.goals.some((g) => g.title === 'Churn'));
  if (!doc) throw new Error('the map is not stored');
  return doc;
}

async function links(): Promise<string[]> {
  const doc = await storedDoc();
  const title = (id: string) => doc.goals.find((g) => g.id === id)?.title;
  return doc.links.map((l) => `${title(l.from)} → ${title(l.to)}`);
}

describe('dropping a link anywhere on a goal', () => {
  it('marks the goal under the pointer and links to it on release; undo removes the link', async () => {
    await addGoal('Grow revenue');
    await addGoal('New ARR', 'Grow revenue');
    await addGoal('Delight customers', 'Grow revenue');
    await addGoal('Churn', 'Delight customers');
    await page.getByRole('button', { name: 'Fit view' }).click();
    await node('Churn').hover();
    await dragFrom(up('Churn'), await centre(node('New ARR')));
    await linkHere('New ARR').waitFor();
    expect(await page.getByText('Link here', { exact: true }).count()).toBe(1);
    await page.screenshot({ path: 'test-results/drop-on-goal.png' });
    await page.mouse.up();
    await expect.poll(links).toContain('Churn → New ARR');
    expect(await page.getByText('Link here', { exact: true }).count()).toBe(0);

    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(links).not.toContain('Churn → New ARR');
    expect(await links()).toContain('Churn → Delight customers');
  });

  it('refuses a cycle through the same rule, naming the goals', async () => {
    await node('Grow revenue').hover();
    await dragFrom(up('Grow revenue'), await centre(node('Churn')));
    await linkHere('Churn').waitFor();
    await page.mouse.up();
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('would create a cycle');
    expect(await alert.textContent()).toContain('Grow revenue');
    await alert.getByRole('button', { name: 'Dismiss' }).click();
    expect(await links()).not.toContain('Grow revenue → Churn');
  });

  it('says how to link when the drop lands on nothing', async () => {
    const pane = await page.getByRole('application').boundingBox();
    if (!pane) throw new Error('canvas not visible');
    await node('Churn').hover();
    await dragFrom(up('Churn'), { x: pane.x + 20, y: pane.y + pane.height / 2 });
    expect(await page.getByText('Link here', { exact: true }).count()).toBe(0);
    await page.mouse.up();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Drop on a goal' }).textContent())
      .toContain('Drop on a goal to link “Churn” to it: nothing was linked.');
    expect(await links()).toEqual([
      'New ARR → Grow revenue',
      'Delight customers → Grow revenue',
      'Churn → Delight customers',
    ]);
  });

  it('gives a person an incentive when their drag ends on a goal’s box', async () => {
    await page.getByRole('button', { name: 'Add stakeholder' }).click();
    const name = page.getByRole('textbox', { name: 'Name' });
    await name.fill('Dana');
    await name.press('Enter');
    await node('Dana').waitFor();
    await page.getByRole('button', { name: 'Fit view' }).click();
    await node('Dana').hover();
    await dragFrom(page.getByTitle('Connect Dana to a goal'), await centre(node('Churn')));
    await linkHere('Churn').waitFor();
    await page.mouse.up();
    await expect
      .poll(async () => {
        const doc = await storedDoc();
        return doc.incentives.map((i) => doc.goals.find((g) => g.id === i.goalId)?.title);
      })
      .toEqual(['Churn']);
    expect(errors).toEqual([]);
  });
});
