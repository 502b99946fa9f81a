import { expect } from 'vitest';
import type { Page } from 'playwright-core';

/**
 * Every control in the header on one row, none cut off at the right edge, none broken onto two
 * lines: a projector at 1280 px shows the whole header.
 */
export async function expectHeaderOnOneRow(page: Page): Promise<void> {
  const width = page.viewportSize()?.width ?? 0;
  const controls = await page.getByRole('banner').getByRole('button').all();
  const boxes = await Promise.all(controls.map((c) => c.boundingBox()));
  const tops = new Set<number>();
  for (const box of boxes) {
    if (!box) continue;
    tops.add(Math.round(box.y));
    // A label that broke onto a second line makes its button taller than one line of text.
    expect(box.height).toBeLessThan(40);
    expect(box.x + box.width).toBeLessThanOrEqual(width);
  }
  expect(tops.size).toBe(1);
}
