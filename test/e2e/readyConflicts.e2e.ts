import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createExampleMap } from '../../src/domain/exampleMap';
import { launchBrowser, newAppPage, screenshotOnFailure } from './browser';
import { pressesUntilFocused } from './keyPresses';

/** The example's first screen points to its ready-made conflicts, for the mouse and the keys. */
const VIEWPORT = { width: 1280, height: 720 };
const example = createExampleMap('2026-01-01T00:00:00.000Z');
const discounting = example.conflicts.find((c) => c.id === 'c-discounting');

let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  browser = await launchBrowser();
  ({ page, errors } = await newAppPage(browser, VIEWPORT));
  await page.goto(inject('baseUrl'));
});
afterAll(async () => {
  await browser.close();
});
screenshotOnFailure('readyConflicts', () => page);

const pointer = () => page.getByRole('region', { name: 'Conflicts ready to explore' });

describe('a first-screen pointer to the example conflicts', () => {
  it('lists every ready conflict, on screen without scrolling', async () => {
    await pointer().waitFor();
    expect(await pointer().textContent()).toContain(
      `This map has ${example.conflicts.length} conflicts ready`,
    );
    for (const c of example.conflicts) {
      await pointer()
        .getByRole('button', { name: `Open conflict: ${c.title}` })
        .waitFor();
    }
    const box = await pointer().getByRole('heading').boundingBox();
    expect(box && box.y + box.height <= VIEWPORT.height).toBe(true);
    await page.screenshot({ path: 'test-results/ready-conflicts.png' });
  });

  it('is a few Tab presses from the skip link, and Enter opens the conflict', async () => {
    const title = discounting?.title ?? '';
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to the side panel' });
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    const open = pointer().getByRole('button', { name: `Open conflict: ${title}` });
    expect(await pressesUntilFocused(page, 'Tab', open, 20)).toBeLessThanOrEqual(6);
    await page.keyboard.press('Enter');
    await page.getByRole('region', { name: 'Common ground', exact: true }).waitFor();
    await expect.poll(() => pointer().count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
