import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, newAppPage } from './browser';
import { example, expectedWalk } from './exampleWalks';
import { settled } from './launch';

const titleOf = (id: string) => example.goals.find((g) => g.id === id)?.title ?? id;
const nameOf = (id: string) => example.stakeholders.find((s) => s.id === id)?.name ?? id;
const WORKSHOP_SCREEN = { width: 1280, height: 720 };
/** Titles a room reads off a projector: at least this many CSS pixels on screen. */
const MIN_TITLE_PX = 16;

/** The parties and the goals a conflict's walk passes through, up to the common goal. */
function conflictFrame(conflictId: string) {
  const { conflict, answer } = expectedWalk(conflictId);
  const goals = [...new Set(answer.climbs.flatMap((c) => c.path))];
  return { conflict, goals, parties: conflict.parties };
}

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

const node = (page: Page, name: string): Locator => page.getByRole('group', { name, exact: true });

/**
 * How large a goal's title is on screen: its font size times the scale the canvas draws it at
 * (the title's on-screen width over its laid-out width).
 */
function titlePixels(goal: Locator, title: string): Promise<number> {
  return goal.getByText(title, { exact: true }).evaluate((el) => {
    if (!(el instanceof HTMLElement)) return 0;
    const scale = el.getBoundingClientRect().width / el.offsetWidth;
    return Number.parseFloat(getComputedStyle(el).fontSize) * scale;
  });
}

/**
 * Whether the whole box of `target` lies inside `frame` on screen. The canvas leaves out nodes
 * outside the view, so a node not there at all is off screen too.
 */
async function onScreen(target: Locator, frame: Locator): Promise<boolean> {
  if ((await target.count()) === 0) return false;
  const [box, view] = await Promise.all([target.boundingBox(), frame.boundingBox()]);
  if (!box || !view) return false;
  return (
    box.x >= view.x - 0.5 &&
    box.y >= view.y - 0.5 &&
    box.x + box.width <= view.x + view.width + 0.5 &&
    box.y + box.height <= view.y + view.height + 0.5
  );
}

describe('camera', () => {
  it('opens the example map whole at 1280×720, not just its middle', async () => {
    const { page, errors } = await newAppPage(browser, WORKSHOP_SCREEN);
    await page.goto(inject('baseUrl'));
    await page.getByRole('group').first().waitFor();
    await settled(page);
    await page.screenshot({ path: 'test-results/camera-opening-1280.png' });
    const canvas = page.getByRole('application');
    for (const item of [
      ...example.goals.map((g) => g.title),
      ...example.stakeholders.map((s) => s.name),
    ]) {
      expect(await onScreen(node(page, item), canvas), item).toBe(true);
    }
    // No blank boxes on the first screen: every goal shows (the start of) its title.
    for (const { title } of example.goals) {
      await expect.poll(() => node(page, title).innerText(), { message: title }).not.toBe('');
    }
    expect(errors).toEqual([]);
  });

  describe('workshop mode at 1280×720', () => {
    // One page for every conflict: each test enters workshop mode and leaves it again.
    let opened: Awaited<ReturnType<typeof newAppPage>>;
    beforeAll(async () => {
      opened = await newAppPage(browser, WORKSHOP_SCREEN);
      await opened.page.goto(inject('baseUrl'));
    });

    for (const { id } of example.conflicts) {
      it(`frames every party of "${id}" with titles of ${MIN_TITLE_PX} px or more`, async () => {
        const { conflict, goals, parties } = conflictFrame(id);
        const { page, errors } = opened;
        await page.getByRole('button', { name: 'Conflicts', exact: true }).click();
        await page.getByRole('button', { name: `Open conflict: ${conflict.title}` }).click();
        await page.getByRole('button', { name: 'Workshop mode' }).click();
        const canvas = page.getByRole('main', { name: 'Workshop mode' }).getByRole('application');
        await page.getByRole('complementary', { name: 'Walk up the tree' }).waitFor();
        await page.getByRole('group').first().waitFor();
        await settled(page);
        await page.screenshot({ path: `test-results/camera-workshop-${id}.png` });
        for (const party of parties) {
          expect(await onScreen(node(page, nameOf(party)), canvas), nameOf(party)).toBe(true);
        }
        for (const goal of goals) {
          const title = titleOf(goal);
          expect(await onScreen(node(page, title), canvas), title).toBe(true);
          const px = await titlePixels(node(page, title), title);
          expect(px, title).toBeGreaterThanOrEqual(MIN_TITLE_PX);
        }
        expect(errors).toEqual([]);
        await page.getByRole('button', { name: 'Leave workshop mode' }).click();
        await page.getByRole('main', { name: 'Workshop mode' }).waitFor({ state: 'detached' });
      });
    }
  });
});
