import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { validateStoredMaps } from '../unit/db/storedMaps';
import { waitUntilSaved } from './importHelpers';
import { dragNodeOutOfPlace, setUpAppPage, showsNode } from './launch';
import { readRawTables } from './storedMaps';

/**
 * A person dragged on the canvas is saved in the map like a dragged goal: one undo step, stored,
 * found where dropped after a reload, released by Auto layout; arrow-key nudges are saved too.
 */

const PERSON = 'Priya Natarajan';

let page: Page;
let errors: string[];
setUpAppPage(
  { viewport: { width: 1280, height: 720 }, screenshots: 'positions', ready: showsNode(PERSON) },
  (app) => ({ page, errors } = app),
);

const person = () => page.getByRole('group', { name: PERSON, exact: true });

/** Where the canvas draws the person, in the map's own units (independent of zoom and pan). */
async function placeOnMap(): Promise<{ x: number; y: number }> {
  const transform = await person().evaluate((el) => el.style.transform);
  const match = /translate\((-?[\d.]+)px, ?(-?[\d.]+)px\)/.exec(transform);
  if (!match) throw new Error(`${PERSON} is drawn with transform "${transform}"`);
  return { x: Number(match[1]), y: Number(match[2]) };
}

/** The person's place as the open map stores it in IndexedDB. */
async function storedPlace(): Promise<unknown> {
  const stored = [...validateStoredMaps(await readRawTables(page)).values()];
  const people = stored.flatMap(({ doc }) => doc.stakeholders);
  return people.find((s) => s.name === PERSON)?.position;
}

describe('a person dragged on the canvas', () => {
  let band: { x: number; y: number };
  let dropped: { x: number; y: number };

  it('is pinned where dropped as one undo step, and redo puts them back there', async () => {
    band = await placeOnMap();
    await dragNodeOutOfPlace(page, PERSON, { x: 220, y: -90 });
    dropped = await placeOnMap();
    expect(dropped.x).toBeGreaterThan(band.x + 150);
    expect(dropped.y).toBeLessThan(band.y - 50);
    await waitUntilSaved(page);
    expect(await storedPlace()).toEqual({ ...dropped, pinned: true });

    await page.keyboard.press('Control+z');
    await expect.poll(placeOnMap).toEqual(band);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(placeOnMap).toEqual(dropped);
  });

  it('is found where dropped after a reload', async () => {
    await waitUntilSaved(page);
    await page.reload();
    await person().waitFor();
    await expect.poll(placeOnMap).toEqual(dropped);
    await page.getByRole('button', { name: 'Fit view' }).click();
    await page.screenshot({ path: 'test-results/positions-after-reload.png' });
  });

  it('moves with the arrow keys once selected, each press saved as one undo step', async () => {
    await person().click();
    await expect.poll(() => person().evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('ArrowRight');
    await expect.poll(placeOnMap).toEqual({ x: dropped.x + 5, y: dropped.y });
    await page.keyboard.press('Shift+ArrowUp');
    await expect.poll(placeOnMap).toEqual({ x: dropped.x + 5, y: dropped.y - 20 });
    await waitUntilSaved(page);
    expect(await storedPlace()).toEqual({ x: dropped.x + 5, y: dropped.y - 20, pinned: true });
    await page.keyboard.press('Control+z');
    await expect.poll(placeOnMap).toEqual({ x: dropped.x + 5, y: dropped.y });
    await page.keyboard.press('Control+z');
    await expect.poll(placeOnMap).toEqual(dropped);
  });

  it('goes back to the people band with Auto layout, as a pinned goal does; undo pins them again', async () => {
    await page.getByRole('button', { name: 'Auto layout' }).click();
    await expect.poll(async () => (await placeOnMap()).y).toBe(band.y);
    await waitUntilSaved(page);
    expect(await storedPlace()).toBeNull();
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(placeOnMap).toEqual(dropped);
    expect(errors).toEqual([]);
  });
});
