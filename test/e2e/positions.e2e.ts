import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { validateStoredMaps } from '../unit/db/storedMaps';
import { waitUntilSaved } from './importHelpers';
import { dragNodeOutOfPlace, setUpAppPage, showsNode } from './launch';
import { openMapFile } from './openMapFile';
import { readRawTables } from './storedMaps';
import { createEmptyMap, newGoal, newIncentive, newStakeholder } from '../../src/domain/factories';
import { asGoalId, asLinkId, asStakeholderId } from '../../src/domain/ids';
import type { MapDocument } from '../../src/domain/model';

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

/** Ids are unique within a list only: here the mission and the person are both "x". */
function mapWithSharedId(): MapDocument {
  const mission = newGoal({ id: asGoalId('x'), title: 'Shared-id mission', kind: 'mission' });
  const kpi = newGoal({ id: asGoalId('k'), title: 'Shared-id KPI', kind: 'kpi' });
  const person = newStakeholder({ id: asStakeholderId('x'), name: 'Shared-id person' });
  return {
    ...createEmptyMap('Shared ids', '2026-01-01T00:00:00.000Z'),
    goals: [mission, kpi],
    links: [{ id: asLinkId('l'), from: kpi.id, to: mission.id }],
    stakeholders: [person],
    incentives: [newIncentive({ stakeholderId: person.id, goalId: kpi.id, kind: 'measured' })],
  };
}

describe('a goal and a person with the same id', () => {
  const goal = () => page.getByRole('group', { name: 'Shared-id mission', exact: true });
  const them = () => page.getByRole('group', { name: 'Shared-id person', exact: true });

  it('are both drawn, each opens its own inspector, and dragging the person leaves the goal', async () => {
    await openMapFile(page, mapWithSharedId());
    await page.getByRole('button', { name: 'Fit view' }).click();
    const [goalBox, personBox] = [await goal().boundingBox(), await them().boundingBox()];
    if (!goalBox || !personBox) throw new Error('the goal or the person is not drawn');
    // Apart: the person below the mission, not on top of it.
    expect(personBox.y).toBeGreaterThan(goalBox.y + goalBox.height);

    await goal().click();
    const goalDetails = page.getByRole('region', { name: 'Goal details' });
    await expect
      .poll(() => goalDetails.getByRole('textbox', { name: 'Title' }).inputValue())
      .toBe('Shared-id mission');
    await them().click();
    const personDetails = page.getByRole('region', { name: 'Stakeholder details' });
    await expect
      .poll(() => personDetails.getByRole('textbox', { name: 'Name' }).inputValue())
      .toBe('Shared-id person');
    expect(await goalDetails.count()).toBe(0);

    const goalBefore = await goal().evaluate((el) => el.style.transform);
    await dragNodeOutOfPlace(page, 'Shared-id person', { x: 220, y: -40 });
    expect(await goal().evaluate((el) => el.style.transform)).toBe(goalBefore);
    await page.screenshot({ path: 'test-results/positions-shared-id.png' });
    expect(errors).toEqual([]);
  });
});
