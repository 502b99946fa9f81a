import { describe, expect, inject, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { newAppPage } from './browser';
import { example, expectedWalk } from './exampleWalks';
import { setUpBrowser } from './launch';

const title = (id: string) => example.goals.find((g) => g.id === id)?.title ?? id;
const discounting = example.conflicts.find((c) => c.id === 'c-discounting');

let browser: Browser;
setUpBrowser((launched) => (browser = launched));

/** Opens the example map's conflict and starts workshop mode on it, with the mouse once. */
async function startWorkshop(page: Page, conflictTitle: string): Promise<void> {
  await page.goto(inject('baseUrl'));
  await page.getByRole('button', { name: 'Conflicts', exact: true }).click();
  await page.getByRole('button', { name: `Open conflict: ${conflictTitle}` }).click();
  await page.getByRole('button', { name: 'Workshop mode' }).click();
  await page.getByRole('main', { name: 'Workshop mode' }).waitFor();
}

describe('workshop mode', () => {
  for (const viewport of [
    { width: 1280, height: 720 },
    { width: 1920, height: 1080 },
  ]) {
    it(`walks up one level per key press until the paths meet (${viewport.width}×${viewport.height})`, async () => {
      const { conflict, answer } = expectedWalk(discounting?.id ?? '');
      const { page, errors } = await newAppPage(browser, viewport);
      await startWorkshop(page, conflict.title);
      const stage = page.getByRole('complementary', { name: 'Walk up the tree' });
      const reveal = stage.getByRole('status');
      let steps = 0;
      await page.screenshot({ path: `test-results/workshop-${viewport.width}-step0.png` });
      while (!((await reveal.textContent()) ?? '').includes('Nearest common goal') && steps < 10) {
        await page.keyboard.press('ArrowRight');
        steps += 1;
        await expect
          .poll(() => stage.textContent())
          .toContain(`Step ${steps} of ${answer.maxClimb}`);
        await page.waitForTimeout(550);
        await page.screenshot({ path: `test-results/workshop-${viewport.width}-step${steps}.png` });
      }
      expect(steps).toBe(answer.maxClimb);
      expect(await reveal.textContent()).toBe(
        `The paths meet. Nearest common goal: ${title(answer.goalId)}`,
      );
      await page.keyboard.press('ArrowRight');
      expect(await stage.textContent()).toContain(`Step ${steps} of ${answer.maxClimb}`);
      await page.keyboard.press('ArrowLeft');
      await expect.poll(() => reveal.textContent()).toBe('');
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Add goal' }).waitFor();
      expect(errors).toEqual([]);
    });
  }

  it('captures the agreed goal and notes without leaving the mode, and keeps them', async () => {
    const { conflict, answer } = expectedWalk(discounting?.id ?? '');
    const { page } = await newAppPage(browser);
    await startWorkshop(page, conflict.title);
    for (let i = 0; i < answer.maxClimb; i++) await page.keyboard.press(' ');
    await page.getByRole('button', { name: 'Agree on the shared goal' }).click();
    const notes = page.getByRole('textbox', { name: 'Notes' });
    await notes.fill('Both accept a discount floor tied to CAC payback.');
    await notes.press('Enter');
    await expect
      .poll(() => page.getByRole('combobox', { name: 'Agreed goal' }).inputValue())
      .toBe(answer.goalId);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Add goal' }).waitFor();
    await expect
      .poll(() => page.getByRole('status', { name: 'Save status' }).textContent())
      .toBe('All changes saved');
    await page.reload();
    await startWorkshop(page, conflict.title);
    expect(await page.getByRole('textbox', { name: 'Notes' }).inputValue()).toBe(
      'Both accept a discount floor tied to CAC payback.',
    );
  });
});

const VIEWPORT = { width: 1280, height: 720 };

/** The control's whole box lies inside the window, as first drawn (nothing scrolled). */
async function expectOnScreen(control: Locator): Promise<void> {
  const box = await control.boundingBox();
  if (!box) throw new Error('not drawn');
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(VIEWPORT.height);
  expect(box.x + box.width).toBeLessThanOrEqual(VIEWPORT.width);
  const scrolled = await control.evaluate(() => window.scrollY);
  expect(scrolled).toBe(0);
}

/**
 * On a 1280×720 projector the workshop panel keeps its actions on screen at every step of the
 * walk: `Agree on the shared goal` once the paths meet, and `Leave workshop mode` throughout,
 * without scrolling anything.
 */
describe('workshop panel at 1280×720', () => {
  const open = example.conflicts.filter((c) => c.agreedGoalId === null);
  for (const conflict of open.slice(0, 2)) {
    it(`keeps agree and leave on screen through the walk (${conflict.title})`, async () => {
      const { page, errors } = await newAppPage(browser, VIEWPORT);
      await startWorkshop(page, conflict.title);
      const panel = page.getByRole('complementary', { name: 'Walk up the tree' });
      const leave = panel.getByRole('button', { name: 'Leave workshop mode' });
      const agree = panel.getByRole('button', { name: 'Agree on the shared goal' });
      await expectOnScreen(leave);
      for (let step = 0; step < 10 && (await agree.count()) === 0; step += 1) {
        await page.keyboard.press('ArrowRight');
        await page.waitForTimeout(150);
      }
      await expectOnScreen(panel.getByText(/^The paths meet/));
      await expectOnScreen(agree);
      await expectOnScreen(leave);
      await page.screenshot({ path: `test-results/workshop-fits-${conflict.id}.png` });
      await agree.click();
      await expect.poll(() => agree.count()).toBe(0);
      await expectOnScreen(leave);
      expect(errors).toEqual([]);
    });
  }
});
