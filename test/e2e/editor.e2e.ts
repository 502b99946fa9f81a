import { beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { MapDocument } from '../../src/domain/model';
import { validateStoredMaps } from '../unit/db/storedMaps';
import { dragHandles } from './browser';
import { waitUntilSaved } from './importHelpers';
import { setUpAppPage, dragNodeOutOfPlace } from './launch';
import { readRawTables } from './storedMaps';

let page: Page;
let errors: string[];
setUpAppPage(
  { viewport: { width: 1440, height: 900 }, screenshots: 'editor' },
  (app) => ({ page, errors } = app),
);
beforeAll(async () => {
  await page.getByRole('button', { name: 'New map' }).click();
  await page.getByRole('note').getByText('An empty map').waitFor();
});

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
    const { x, dropped } = await dragNodeOutOfPlace(page, 'Win rate');
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

/**
 * A link dragged from a goal's small handle and dropped anywhere on another goal's box, with
 * real mouse moves: the goal under the pointer is marked while dragging, the drop links to it
 * (checked in IndexedDB), undo takes it back, and a drop on nothing says how to link.
 */
const linkHere = (name: string) => node(name).getByText('Link here', { exact: true });

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
    await page.getByRole('button', { name: 'New map' }).click();
    await page.getByRole('note').getByText('An empty map').waitFor();
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
