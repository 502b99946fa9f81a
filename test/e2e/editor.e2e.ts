import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { dragHandles, launchBrowser, newAppPage, screenshotOnFailure } from './browser';

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
screenshotOnFailure('editor', () => page);

const node = (name: string): Locator => page.getByRole('group', { name, exact: true });
const title = (): Locator => page.getByRole('textbox', { name: 'Title' });

/** Adds a goal below the selected one (or free) and names it, as a user types it. */
async function addGoal(name: string, parent?: string): Promise<void> {
  if (parent) await node(parent).click();
  await page.getByRole('button', { name: 'Add goal' }).click();
  await expect.poll(() => title().evaluate((el) => el === document.activeElement)).toBe(true);
  await title().fill(name);
  await title().press('Enter');
  await node(name).waitFor();
}

async function addStakeholder(name: string, role: string): Promise<void> {
  await page.getByRole('button', { name: 'Add stakeholder' }).click();
  const nameField = page.getByRole('textbox', { name: 'Name' });
  await nameField.fill(name);
  await nameField.press('Enter');
  const roleField = page.getByRole('textbox', { name: 'Role' });
  await roleField.fill(role);
  await roleField.press('Enter');
  await node(name).waitFor();
}

const dragBetween = (from: Locator, to: Locator) => dragHandles(page, from, to);

/** Clicks the canvas where no node is, as a user does to leave a field and clear the selection. */
async function clickEmptyCanvas(): Promise<void> {
  await page.getByRole('button', { name: 'Fit view' }).click();
  const pane = await page.getByRole('application').boundingBox();
  if (!pane) throw new Error('canvas not visible');
  await page.mouse.click(pane.x + 6, pane.y + pane.height / 2);
}

const up = (goal: string) =>
  page.getByTitle(`Link “${goal}” up to the goal it contributes to`, { exact: true });
const down = (goal: string) =>
  page.getByTitle(`Link a goal or stakeholder to “${goal}”`, { exact: true });

describe('building a map from empty', () => {
  it('adds a mission, two objectives and three KPIs below them', async () => {
    await addGoal('Make work joyful');
    await addGoal('Grow revenue', 'Make work joyful');
    await addGoal('Delight customers', 'Make work joyful');
    await addGoal('New ARR', 'Grow revenue');
    await addGoal('Win rate', 'Grow revenue');
    await addGoal('NPS', 'Delight customers');
    await page.getByRole('button', { name: 'Fit view' }).click();
    const [mission, kpi] = [
      await node('Make work joyful').boundingBox(),
      await node('NPS').boundingBox(),
    ];
    expect(mission && kpi && mission.y < kpi.y).toBe(true);
  });

  it('links NPS to a second parent by dragging between handles', async () => {
    await page.getByRole('button', { name: 'Fit view' }).click();
    await node('NPS').hover();
    await dragBetween(up('NPS'), down('Grow revenue'));
    await node('Grow revenue').click();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('alert').count()).toBe(0);
  });

  it('refuses a cycle with a message naming the goals', async () => {
    await dragBetween(up('Make work joyful'), down('New ARR'));
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('would create a cycle');
    expect(await alert.textContent()).toContain('Make work joyful');
    await alert.getByRole('button', { name: 'Dismiss' }).click();
  });

  it('adds two stakeholders and ties them to goals', async () => {
    await addStakeholder('Dana', 'VP Sales');
    await addStakeholder('Tom', 'CFO');
    await page.getByRole('button', { name: 'Auto layout' }).click();
    await page.getByRole('button', { name: 'Fit view' }).click();
    await node('Dana').hover();
    await dragBetween(page.getByTitle(`Connect Dana to a goal`), down('New ARR'));
    await node('Tom').hover();
    await dragBetween(page.getByTitle(`Connect Tom to a goal`), down('NPS'));
    await node('Dana').click();
    const held = page.getByRole('region', { name: 'Incentives of Dana' });
    await expect.poll(() => held.textContent()).toContain('measured on “New ARR”');
  });

  it('draws a tie only when asked: the chip on a held goal shows it and opens the incentive', async () => {
    await clickEmptyCanvas();
    const tie = page.getByLabel('measured', { exact: true });
    await expect.poll(() => tie.count()).toBe(0);
    await node('New ARR')
      .getByRole('button', { name: 'Dana is measured on this goal: show the tie' })
      .click();
    await page.getByRole('region', { name: 'Incentive details' }).waitFor();
    await expect.poll(() => tie.count()).toBe(1);
  });

  it('edits fields in the inspector', async () => {
    await node('New ARR').click();
    await page.getByRole('combobox', { name: 'Kind' }).selectOption('kpi');
    const unit = page.getByRole('textbox', { name: 'Unit' });
    await unit.fill('€k');
    await unit.press('Enter');
    const target = page.getByRole('textbox', { name: 'Target' });
    await target.fill('3600');
    await target.press('Enter');
    await expect.poll(() => node('New ARR').textContent()).toContain('3600 €k');
  });

  it('undoes and redoes edits', async () => {
    await clickEmptyCanvas();
    await page.keyboard.press('Control+z');
    await expect.poll(() => node('New ARR').textContent()).not.toContain('3600');
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => node('New ARR').textContent()).toContain('3600');
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => node('New ARR').textContent()).not.toContain('3600');
    await page.keyboard.press('Control+y');
    await expect.poll(() => node('New ARR').textContent()).toContain('3600');
  });

  it('deletes a goal and brings it back with undo', async () => {
    await node('Win rate').click();
    await page.keyboard.press('Delete');
    await expect.poll(() => node('Win rate').count()).toBe(0);
    await page.keyboard.press('Control+z');
    await node('Win rate').waitFor();
  });

  it('pins a dragged goal; Auto layout releases it as one undoable edit', async () => {
    await page.getByRole('button', { name: 'Fit view' }).click();
    const start = await node('Win rate').boundingBox();
    if (!start) throw new Error('Win rate not visible');
    const grab = { x: start.x + start.width / 2, y: start.y + start.height / 2 };
    await page.mouse.move(grab.x, grab.y);
    await page.mouse.down();
    await page.mouse.move(grab.x + 200, grab.y + 120, { steps: 10 });
    await page.mouse.up();
    const x = async () => (await node('Win rate').boundingBox())?.x ?? Number.NaN;
    await expect.poll(x).toBeGreaterThan(start.x + 150);
    const dropped = await x();
    await page.getByRole('button', { name: 'Auto layout' }).click();
    await expect.poll(async () => Math.abs((await x()) - dropped)).toBeGreaterThan(100);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(x).toBeCloseTo(dropped, 0);
    await page.getByRole('button', { name: 'Redo' }).click();
    await expect.poll(async () => Math.abs((await x()) - dropped)).toBeGreaterThan(100);
  });

  it('collapses and expands a subtree', async () => {
    await page.getByRole('button', { name: 'Collapse Grow revenue' }).click();
    await expect.poll(() => node('Win rate').isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Expand Grow revenue' }).click();
    await expect.poll(() => node('Win rate').isVisible()).toBe(true);
  });

  it('finds a goal with the search box and selects it', async () => {
    await page.keyboard.press('/');
    const search = page.getByRole('searchbox', { name: 'Search map' });
    await expect.poll(() => search.evaluate((el) => el === document.activeElement)).toBe(true);
    await search.fill('win');
    await search.press('Enter');
    await expect.poll(() => title().inputValue()).toBe('Win rate');
  });

  it('selects everything, clears the selection, shows the shortcuts', async () => {
    await clickEmptyCanvas();
    await page.keyboard.press('Control+a');
    await page.getByRole('heading', { name: '8 selected' }).waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('heading', { name: '8 selected' }).count()).toBe(0);
    await page.keyboard.press('f');
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
  });

  it('keeps everything after a reload', async () => {
    await expect
      .poll(() => page.getByRole('status', { name: 'Save status' }).textContent())
      .toBe('All changes saved');
    await page.screenshot({ path: 'test-results/editor-built-map.png' });
    await page.reload();
    for (const name of [
      'Make work joyful',
      'Grow revenue',
      'Delight customers',
      'New ARR',
      'Win rate',
      'NPS',
      'Dana',
      'Tom',
    ]) {
      await node(name).waitFor();
    }
    expect(await node('New ARR').textContent()).toContain('3600 €k');
    expect(errors).toEqual([]);
  });
});
