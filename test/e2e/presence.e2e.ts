import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRelay, type Relay } from '../../src/relay/relay';
import { example, expectedWalk } from './exampleWalks';
import { screenshotOnFailure } from './browser';
import { expectHeaderOnOneRow } from './headerFits';
import { openApp, setUpBrowser, showsNode, type OpenedApp } from './launch';

/*
 * Presence in a room, end to end: one relay on loopback and three devices as browser contexts
 * with screens of different shapes. Ada shares the example map (facilitator), Bea opens the edit
 * link (participant), Cy the view only link (viewer).
 */

const mission = example.goals.find((g) => g.kind === 'mission')?.title ?? '';
const discounting = example.conflicts.find((c) => c.id === 'c-discounting');

let browser: Browser;
let relay: Relay;
let dataDir: string;
let ada: OpenedApp;
let bea: OpenedApp;
let cy: OpenedApp;

setUpBrowser((launched) => (browser = launched));
screenshotOnFailure('presence-ada', () => ada.page);
screenshotOnFailure('presence-bea', () => bea.page);
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'cg-presence-'));
  relay = await startRelay({ port: 0, dataDir, storeDelayMs: 50, log: () => undefined });
  ada = await openApp(browser, { ready: showsNode(mission) });
  await ada.page.getByRole('banner').getByRole('button', { name: 'Share' }).click();
  const dialog = ada.page.getByRole('dialog', { name: 'Share this map' });
  await dialog.getByRole('textbox', { name: 'Relay address' }).fill(relay.url);
  await dialog.getByRole('button', { name: 'Share as a room' }).click();
  const shared = ada.page.getByRole('dialog', { name: 'Shared as a room' });
  const edit = await shared.getByRole('textbox', { name: 'Edit link' }).inputValue();
  const view = await shared.getByRole('textbox', { name: 'View only link' }).inputValue();
  await shared.getByRole('button', { name: 'Done' }).click();
  [bea, cy] = await Promise.all([
    openLink(edit, { width: 900, height: 900 }),
    openLink(view, { width: 1280, height: 720 }),
  ]);
  await Promise.all([
    joinAs(ada.page, 'Ada', 'Blue'),
    joinAs(bea.page, 'Bea', 'Green'),
    joinAs(cy.page, 'Cy', 'Grape'),
  ]);
}, 60_000);
afterAll(async () => {
  await relay.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function openLink(link: string, viewport: { width: number; height: number }) {
  const app = await openApp(browser, { load: false, viewport });
  await app.page.goto(link);
  await app.page.getByRole('region', { name: 'In this room' }).waitFor({ timeout: 20_000 });
  return app;
}

const room = (page: Page) => page.getByRole('region', { name: 'In this room' });

/** Chooses the name and colour the others see, as someone joining does. */
async function joinAs(page: Page, name: string, color: string): Promise<void> {
  const list = room(page);
  await list.getByRole('combobox', { name: 'Your colour' }).selectOption({ label: color });
  const field = list.getByRole('textbox', { name: 'Your name' });
  await field.fill(name);
  await field.press('Enter');
}

/** The part of the map a page shows, in flow coordinates (read from React Flow's transform). */
function visibleArea(page: Page) {
  return page.evaluate(() => {
    const pane = document.querySelector('.react-flow');
    const viewport = document.querySelector<HTMLElement>('.react-flow__viewport');
    if (!pane || !viewport) throw new Error('no canvas');
    const m = new DOMMatrixReadOnly(getComputedStyle(viewport).transform);
    const { width, height } = pane.getBoundingClientRect();
    return { x: -m.e / m.a, y: -m.f / m.a, width: width / m.a, height: height / m.a };
  });
}

type Area = Awaited<ReturnType<typeof visibleArea>>;
/** Inside, give or take a pixel of rounding. */
const within = (inner: Area, outer: Area) =>
  inner.x >= outer.x - 1 &&
  inner.y >= outer.y - 1 &&
  inner.x + inner.width <= outer.x + outer.width + 1 &&
  inner.y + inner.height <= outer.y + outer.height + 1;

/** Waits until `follower` shows all of what `leader` shows. */
async function expectShowsViewOf(follower: Page, leader: Page): Promise<void> {
  await expect
    .poll(async () => within(await visibleArea(leader), await visibleArea(follower)), {
      timeout: 10_000,
    })
    .toBe(true);
}

/** Moves a page's view with the mouse wheel over the middle of its map (a zoom). */
async function moveView(page: Page, deltaY: number): Promise<void> {
  const box = await page.locator('.react-flow__pane').boundingBox();
  if (!box) throw new Error('no pane');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 3);
  await page.mouse.wheel(0, deltaY);
}

/** How the walk draws each goal on a page (React Flow draws only the goals on screen). */
async function emphasis(page: Page): Promise<Map<string, string>> {
  const drawn = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.react-flow__node-goal')].map((n) => [
      n.dataset.id ?? '',
      /cg-emph--(\w+)/.exec(n.innerHTML)?.[1] ?? '',
    ]),
  );
  return new Map(drawn.map(([id = '', how = '']) => [id, how]));
}

/** The goals both pages draw, each with how the leader draws it and how the follower does. */
async function sameHighlight(leader: Page, follower: Page): Promise<boolean> {
  const [a, b] = await Promise.all([emphasis(leader), emphasis(follower)]);
  const shared = [...a.keys()].filter((id) => b.has(id));
  return shared.length > 3 && shared.every((id) => a.get(id) === b.get(id));
}

const followsText = (page: Page) => room(page).getByText(/^You follow /);

describe('presence in a room', () => {
  it('lists all three with their names, colours and roles on every device', async () => {
    for (const { page } of [ada, bea, cy]) {
      const list = room(page);
      for (const [name, color, role] of [
        ['Ada', 'Blue', 'facilitator'],
        ['Bea', 'Green', 'participant'],
        ['Cy', 'Grape', 'viewer'],
      ] as const) {
        const person = list.getByRole('listitem').filter({ hasText: name });
        await expect.poll(() => person.textContent(), { timeout: 10_000 }).toContain(role);
        await person.getByRole('img', { name: color }).waitFor();
      }
    }
  });

  it('folds the list to its heading and opens it again, as left after a reload', async () => {
    const toggle = room(cy.page).getByRole('button', { name: 'In this room (3)' });
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await room(cy.page).getByRole('listitem').count()).toBe(0);
    await cy.page.screenshot({ path: 'test-results/presence-list-folded.png' });
    // A view-only device's header holds the most (View only, the room's status): still one row.
    await expectHeaderOnOneRow(cy.page);
    await cy.page.reload();
    await room(cy.page).waitFor({ timeout: 20_000 });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.press('Enter');
    await room(cy.page).getByRole('listitem').filter({ hasText: 'Ada' }).waitFor();

    // A name typed and not yet saved (no Enter, still in the field) survives a reload.
    await room(cy.page).getByRole('textbox', { name: 'Your name' }).fill('Cyd');
    await cy.page.reload();
    await room(cy.page).waitFor({ timeout: 20_000 });
    expect(await room(cy.page).getByRole('textbox', { name: 'Your name' }).inputValue()).toBe(
      'Cyd',
    );
    await room(ada.page).getByRole('listitem').filter({ hasText: 'Cyd' }).waitFor();
  });

  it('shows a pointer to the others on the same goal, in the pointer’s name', async () => {
    const goal = ada.page.getByRole('group', { name: mission, exact: true });
    const box = await goal.boundingBox();
    if (!box) throw new Error('mission not shown');
    await ada.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 3 });
    for (const { page } of [bea, cy]) {
      const cursor = page.locator('.cg-presence-cursor[data-name="Ada"]');
      await cursor.waitFor({ timeout: 10_000 });
      // Shown on that device's own zoom, the pointer still lands on the mission.
      await page.getByRole('group', { name: mission, exact: true }).scrollIntoViewIfNeeded();
      const at = await cursor.boundingBox();
      const there = await page.getByRole('group', { name: mission, exact: true }).boundingBox();
      if (!at || !there) throw new Error('not drawn');
      expect(at.x).toBeGreaterThanOrEqual(there.x - 1);
      expect(at.x).toBeLessThanOrEqual(there.x + there.width + 1);
      expect(at.y).toBeGreaterThanOrEqual(there.y - 1);
      expect(at.y).toBeLessThanOrEqual(there.y + there.height + 1);
    }
  });

  it('follows a view fitted to another screen; an own pan stops following with a notice', async () => {
    await room(bea.page).getByRole('button', { name: 'Follow Ada' }).click();
    await expectShowsViewOf(bea.page, ada.page);
    await moveView(ada.page, -200);
    await expectShowsViewOf(bea.page, ada.page);
    await expect.poll(() => room(ada.page).textContent()).toContain('participant, following you');

    await moveView(bea.page, 150);
    const notice = room(bea.page).getByRole('note');
    await expect
      .poll(() => notice.textContent())
      .toMatch(/^You moved the map, so you stopped following Ada\. Choose “Follow Ada”/);
    await room(bea.page).getByRole('button', { name: 'Follow Ada' }).waitFor();
    await moveView(ada.page, 300);
    expect(within(await visibleArea(ada.page), await visibleArea(bea.page))).toBe(false);
  });

  it('Bring everyone to me makes both others follow the facilitator', async () => {
    await room(ada.page).getByRole('button', { name: 'Bring everyone to me' }).click();
    await followsText(bea.page).waitFor({ timeout: 10_000 });
    await followsText(cy.page).waitFor({ timeout: 10_000 });
    await moveView(ada.page, -150);
    await expectShowsViewOf(bea.page, ada.page);
    await expectShowsViewOf(cy.page, ada.page);
  });

  it('the facilitator walks a conflict in workshop mode and every follower shows the same step and highlight', async () => {
    const { conflict, answer } = expectedWalk(discounting?.id ?? '');
    await ada.page.getByRole('button', { name: 'Conflicts', exact: true }).click();
    await ada.page.getByRole('button', { name: `Open conflict: ${conflict.title}` }).click();
    await ada.page.getByRole('button', { name: 'Workshop mode' }).click();
    await ada.page.getByRole('main', { name: 'Workshop mode' }).waitFor();
    const stage = (page: Page) => page.getByRole('complementary', { name: 'Walk up the tree' });
    for (let step = 1; step <= answer.maxClimb; step++) {
      await ada.page.keyboard.press('ArrowRight');
      const text = `Step ${String(step)} of ${String(answer.maxClimb)}`;
      await expect.poll(() => stage(ada.page).textContent()).toContain(text);
      const expected = await stage(ada.page).locator('.cg-workshop__walk').textContent();
      for (const { page } of [bea, cy]) {
        await expect
          .poll(() => stage(page).locator('.cg-workshop__walk').textContent(), { timeout: 10_000 })
          .toBe(expected);
        await expect.poll(() => sameHighlight(ada.page, page)).toBe(true);
      }
    }
    await cy.page.waitForTimeout(600);
    await cy.page.screenshot({ path: 'test-results/presence-follower-walk.png' });
    // The shared goal is revealed: the facilitator may agree on it, a viewer may change nothing.
    const agree = (page: Page) => page.getByRole('button', { name: 'Agree on the shared goal' });
    await agree(ada.page).waitFor();
    expect(await agree(cy.page).count()).toBe(0);
    const notes = stage(cy.page).getByRole('textbox', { name: 'Notes' });
    expect(await notes.getAttribute('readonly')).not.toBeNull();

    // Bea walks back on her own: she stops following and can rejoin.
    await bea.page.keyboard.press('ArrowLeft');
    await room(bea.page)
      .getByRole('note')
      .getByText(/walked on your own/)
      .waitFor();
    await room(bea.page).getByRole('button', { name: 'Follow Ada' }).click();
    const last = `Step ${String(answer.maxClimb)} of ${String(answer.maxClimb)}`;
    await expect.poll(() => stage(bea.page).textContent()).toContain(last);
  });

  it('a person who leaves disappears from the others’ lists within a few seconds', async () => {
    await cy.page.context().close();
    const gone = room(ada.page).getByRole('listitem').filter({ hasText: 'Cy' });
    await gone.waitFor({ state: 'detached', timeout: 5_000 });
    const errors = [...ada.errors, ...bea.errors].filter((e) => !e.includes('WebSocket'));
    expect(errors).toEqual([]);
  });
});
