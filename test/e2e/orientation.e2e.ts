import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { settled, setUpAppPage, showsNode } from './launch';

let page: Page;
setUpAppPage(
  { ready: showsNode('Grow ARR efficiently'), screenshots: 'orientation' },
  (app) => ({ page } = app),
);

const goal = (title: string): Locator => page.getByRole('group', { name: title, exact: true });
const toggle = (): Locator => page.getByRole('button', { name: 'Left to right layout' });

/** Where a goal is drawn on screen. */
async function boxOf(title: string) {
  const box = await goal(title).boundingBox();
  if (!box) throw new Error(`${title} is not drawn`);
  return box;
}

/** How far right of the parent's right edge the child's left edge is (negative: not right of it). */
async function rightOf(child: string, parent: string): Promise<number> {
  const [c, p] = [await boxOf(child), await boxOf(parent)];
  return c.x - (p.x + p.width);
}

/** How far below the parent's bottom the child's top is (negative: not below it). */
async function below(child: string, parent: string): Promise<number> {
  const [c, p] = [await boxOf(child), await boxOf(parent)];
  return c.y - (p.y + p.height);
}

describe('orientation', () => {
  it('draws the example map left to right when switched, and keeps it so after a reload', async () => {
    expect(
      await below('Grow ARR efficiently', 'Every mid-market team decides with trustworthy data'),
    ).toBeGreaterThan(0);
    expect(await toggle().getAttribute('aria-pressed')).toBe('false');
    await toggle().focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => toggle().getAttribute('aria-pressed')).toBe('true');
    await expect
      .poll(() => rightOf('Win rate', 'Win the right deals'), { timeout: 20_000 })
      .toBeGreaterThan(0);
    expect(
      await rightOf('Grow ARR efficiently', 'Every mid-market team decides with trustworthy data'),
    ).toBeGreaterThan(0);
    await settled(page);
    await page.screenshot({ path: 'test-results/orientation-left-to-right-1280.png' });
    await page.reload();
    await goal('Win rate').waitFor();
    await expect.poll(() => toggle().getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => rightOf('Win rate', 'Win the right deals')).toBeGreaterThan(0);
  });

  it('switches back to top-down from the command palette', async () => {
    await page.keyboard.press('Control+k');
    const palette = page.getByRole('dialog', { name: 'Command palette' });
    await palette.getByRole('combobox', { name: 'Run an action' }).fill('left to right');
    await page.keyboard.press('Enter');
    await expect.poll(() => toggle().getAttribute('aria-pressed')).toBe('false');
    await expect
      .poll(() => below('Win rate', 'Win the right deals'), { timeout: 20_000 })
      .toBeGreaterThan(0);
    await settled(page);
    await page.screenshot({ path: 'test-results/orientation-top-down-1280.png' });
    await page.reload();
    await goal('Win rate').waitFor();
    expect(await toggle().getAttribute('aria-pressed')).toBe('false');
  });
});
