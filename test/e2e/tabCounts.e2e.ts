import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newAppPage, revealNode, screenshotOnFailure } from './browser';
import { pressesUntilFocused } from './keyPresses';

/**
 * How far the keyboard walks back from the inspector to the map tools on the example at
 * 1280×720: 47 Shift+Tab presses before #15's work, 27 once links left the Tab order (what is
 * left: every goal drawn, its chips and fold button, the zoom buttons), 28 with the link back
 * itself, which makes it 3 keys.
 */
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  ({ page } = await newAppPage(browser));
  await page.goto(inject('baseUrl'));
});
afterAll(async () => {
  await browser.close();
});
screenshotOnFailure('tabCounts', () => page);

const addGoal = () => page.getByRole('button', { name: 'Add goal' });
const title = () => page.getByRole('textbox', { name: 'Title' });

describe('from the inspector back to Add goal', () => {
  it('takes one Shift+Tab to the link back, Enter, and one Tab', async () => {
    await revealNode(page, 'Net revenue retention');
    await page.getByRole('group', { name: 'Net revenue retention', exact: true }).click();
    await title().focus();
    const back = page.getByRole('link', { name: 'Back to the map tools' });
    expect(await pressesUntilFocused(page, 'Shift+Tab', back, 5)).toBe(1);
    const shown = await back.boundingBox();
    expect(shown && shown.y >= 0 && shown.x + shown.width <= 1280).toBe(true);
    await page.keyboard.press('Enter');
    expect(await pressesUntilFocused(page, 'Tab', addGoal(), 3)).toBe(1);
  });

  it('stays under 30 Shift+Tab presses walking every control in between', async () => {
    await title().focus();
    const presses = await pressesUntilFocused(page, 'Shift+Tab', addGoal(), 60);
    console.log(`Shift+Tab presses from the inspector's Title to Add goal: ${presses}`);
    expect(presses).toBeLessThanOrEqual(30);
  });
});
