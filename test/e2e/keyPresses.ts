import type { Locator, Page } from 'playwright-core';

/**
 * Presses a key (Tab, Shift+Tab) until focus is on `target`, as a keyboard user walks the page;
 * returns the number of presses, or throws after `limit` presses without getting there.
 */
export async function pressesUntilFocused(
  page: Page,
  key: string,
  target: Locator,
  limit = 200,
): Promise<number> {
  for (let presses = 1; presses <= limit; presses++) {
    await page.keyboard.press(key);
    if (await target.evaluate((el) => el === document.activeElement)) return presses;
  }
  throw new Error(`${key} did not reach the target in ${limit} presses`);
}
