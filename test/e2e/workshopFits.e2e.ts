import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { createExampleMap } from '../../src/domain/exampleMap';
import { launchBrowser, newAppPage } from './browser';

/**
 * On a 1280×720 projector the workshop panel keeps its actions on screen at every step of the
 * walk: `Agree on the shared goal` once the paths meet, and `Leave workshop mode` throughout,
 * without scrolling anything.
 */
const VIEWPORT = { width: 1280, height: 720 };
const example = createExampleMap('2026-01-01T00:00:00.000Z');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

async function startWorkshop(page: Page, conflictTitle: string): Promise<void> {
  await page.goto(inject('baseUrl'));
  await page.getByRole('button', { name: 'Conflicts', exact: true }).click();
  await page.getByRole('button', { name: `Open conflict: ${conflictTitle}` }).click();
  await page.getByRole('button', { name: 'Workshop mode' }).click();
  await page.getByRole('main', { name: 'Workshop mode' }).waitFor();
}

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
