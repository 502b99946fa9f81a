import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRelay, type Relay } from '../../src/relay/relay';
import { createExampleMap } from '../../src/domain/exampleMap';
import { openApp, setUpBrowser, showsNode, type OpenedApp } from './launch';

/*
 * Workshop rooms end to end: a relay on a free loopback port (its own temporary directory), and
 * devices as browser contexts with separate storage: A shares the example map, B opens the edit
 * link, C the view only link.
 */

const example = createExampleMap('2026-01-01T00:00:00.000Z');
const titleOf = (kind: string, nth = 0) =>
  example.goals.filter((g) => g.kind === kind)[nth]?.title ?? '';
const mission = titleOf('mission');

let browser: Browser;
let relay: Relay;
let dataDir: string;
let a: OpenedApp;
let b: OpenedApp;
const links = { edit: '', view: '' };

const startRoomRelay = (port: number) =>
  startRelay({ port, dataDir, storeDelayMs: 50, log: () => undefined });

setUpBrowser((launched) => (browser = launched));
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'cg-rooms-'));
  relay = await startRoomRelay(0);
  [a, b] = await Promise.all([
    openApp(browser, { ready: showsNode(mission) }),
    openApp(browser, { ready: showsNode(mission) }),
  ]);
});
afterAll(async () => {
  await relay.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** A device's errors, apart from the browser's own notes on a relay it could not reach. */
const pageErrors = (app: OpenedApp) => app.errors.filter((e) => !e.includes('WebSocket'));

const roomStatus = (page: Page) => page.getByRole('status', { name: 'Room status' });

async function waitForStatus(page: Page, status: RegExp): Promise<void> {
  await expect.poll(() => roomStatus(page).textContent(), { timeout: 30_000 }).toMatch(status);
}

async function retitle(page: Page, from: string, to: string): Promise<void> {
  await page.getByRole('group', { name: from, exact: true }).click();
  const title = page.getByRole('textbox', { name: 'Title' });
  await title.fill(to);
  await title.press('Enter');
}

const seesGoal = (page: Page, title: string) =>
  page.getByRole('group', { name: title, exact: true }).waitFor({ timeout: 20_000 });

async function openLink(link: string): Promise<OpenedApp> {
  const app = await openApp(browser, { load: false });
  await app.page.goto(link);
  await waitForStatus(app.page, /^Connected/);
  return app;
}

describe('workshop rooms', () => {
  it('shares a map on A; B opens the edit link and edits go both ways', async () => {
    await a.page.getByRole('banner').getByRole('button', { name: 'Share' }).click();
    const dialog = a.page.getByRole('dialog', { name: 'Share this map' });
    const address = dialog.getByRole('textbox', { name: 'Relay address' });
    await address.fill(relay.url);
    // Esc closes the dialog and keeps what was typed.
    await a.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await a.page.getByRole('banner').getByRole('button', { name: 'Share' }).click();
    expect(await address.inputValue()).toBe(relay.url);
    await dialog.getByRole('button', { name: 'Share as a room' }).click();
    const shared = a.page.getByRole('dialog', { name: 'Shared as a room' });
    links.edit = await shared.getByRole('textbox', { name: 'Edit link' }).inputValue();
    links.view = await shared.getByRole('textbox', { name: 'View only link' }).inputValue();
    expect(new URL(links.edit).search).toBe('');
    expect(new URL(links.edit).hash).toMatch(/^#room=.+&relay=.+&key=.+&role=edit$/);
    await waitForStatus(a.page, /^Connected$/);
    await a.page.screenshot({ path: 'test-results/rooms-share-dialog.png' });
    await shared.getByRole('button', { name: 'Done' }).click();

    await b.page.goto(links.edit);
    await waitForStatus(b.page, /^Connected$/);
    await retitle(a.page, mission, 'Mission edited on A');
    await seesGoal(b.page, 'Mission edited on A');
    await retitle(b.page, titleOf('objective'), 'Objective edited on B');
    await seesGoal(a.page, 'Objective edited on B');
    await a.page.screenshot({ path: 'test-results/rooms-status.png' });
    expect([...pageErrors(a), ...pageErrors(b)]).toEqual([]);
  });

  it('a view only link shows the map live but cannot change it; a wrong key is refused plainly', async () => {
    const c = await openLink(links.view);
    await c.page.getByText('View only', { exact: true }).waitFor();
    await seesGoal(c.page, 'Objective edited on B');
    expect(await c.page.getByRole('button', { name: 'Add goal' }).isDisabled()).toBe(true);
    await retitle(a.page, 'Objective edited on B', 'Objective seen by C');
    await seesGoal(c.page, 'Objective seen by C');
    // Its details are read-only, not refused: focusable, read out, and said why.
    await c.page.getByRole('group', { name: 'Objective seen by C', exact: true }).click();
    const title = c.page.getByRole('textbox', { name: 'Title' });
    await title.focus();
    expect(await title.evaluate((e) => e === document.activeElement)).toBe(true);
    expect(await title.isEditable()).toBe(false);
    expect(await title.inputValue()).toBe('Objective seen by C');
    const why = await title.evaluate(
      (e) => document.getElementById(e.getAttribute('aria-describedby') ?? '')?.textContent,
    );
    expect(why).toMatch(/^View only: this map was opened with a view link/);
    const remove = c.page.getByRole('button', { name: 'Delete goal' });
    expect(await remove.getAttribute('aria-disabled')).toBe('true');
    await remove.focus();
    await remove.press('Enter');
    await c.page.screenshot({ path: 'test-results/rooms-view-only-inspector.png' });
    await seesGoal(c.page, 'Objective seen by C');

    const wrong = links.edit.replace(/key=[^&]+/, `key=${'x'.repeat(32)}`);
    const d = await openApp(browser, { load: false });
    await d.page.goto(wrong);
    await d.page.getByText(/The relay refused this link’s key/).waitFor({ timeout: 20_000 });
    expect([...pageErrors(c), ...pageErrors(d)]).toEqual([]);
  });

  it('the relay stops mid-session: both sides edit on, nothing is lost once it is back', async () => {
    const { port } = relay;
    await relay.close();
    await waitForStatus(a.page, /^(Reconnecting…|Offline — changes kept on this device)/);
    await retitle(a.page, 'Mission edited on A', 'Mission while offline');
    await retitle(b.page, titleOf('objective', 1), 'Objective B typed offline');
    await waitForStatus(b.page, /edits? waiting to be sent/);
    relay = await startRoomRelay(port);
    await waitForStatus(a.page, /^Connected$/);
    await waitForStatus(b.page, /^Connected$/);
    await seesGoal(a.page, 'Objective B typed offline');
    await seesGoal(b.page, 'Mission while offline');
    await seesGoal(b.page, 'Objective seen by C');
  });

  it('two links closing a cycle while offline: both devices set the same one aside, Map health settles it', async () => {
    const { port } = relay;
    await relay.close();
    await waitForStatus(b.page, /^(Reconnecting…|Offline — changes kept on this device)/);
    await linkUnder(a.page, 'Uptime', 'Lead time for changes');
    await linkUnder(b.page, 'Lead time for changes', 'Uptime');
    relay = await startRoomRelay(port);
    await waitForStatus(a.page, /^Connected$/);
    await waitForStatus(b.page, /^Connected$/);
    const [onA, onB] = await Promise.all([setAsideItem(a.page), setAsideItem(b.page)]);
    expect(onA).toMatch(/^Set aside in the room: Linking .* closes a cycle/);
    expect(onB).toBe(onA);
    await roomHealth(a.page).screenshot({ path: 'test-results/rooms-set-aside.png' });
    await roomHealth(b.page).getByRole('button', { name: 'Remove the link' }).click();
    await roomHealth(a.page).waitFor({ state: 'detached', timeout: 20_000 });
    expect([...pageErrors(a), ...pageErrors(b)]).toEqual([]);
  });

  it('a goal deleted on A while B renames it: named on both, Map health keeps it with the edit', async () => {
    const { port } = relay;
    await relay.close();
    await waitForStatus(b.page, /^(Reconnecting…|Offline — changes kept on this device)/);
    await a.page.getByRole('group', { name: 'Logo churn', exact: true }).click();
    await a.page.getByRole('button', { name: 'Delete goal' }).click();
    await retitle(b.page, 'Logo churn', 'Logo churn, renamed on B');
    relay = await startRoomRelay(port);
    await waitForStatus(a.page, /^Connected$/);
    await waitForStatus(b.page, /^Connected$/);
    const [onA, onB] = await Promise.all([setAsideItem(a.page), setAsideItem(b.page)]);
    expect(onA).toBe(
      'Set aside in the room: The goal "Logo churn, renamed on B" was deleted on one device while another changed its title.',
    );
    expect(onB).toBe(onA);
    await roomHealth(a.page).screenshot({ path: 'test-results/rooms-deleted-while-edited.png' });
    await roomHealth(a.page).getByRole('button', { name: 'Keep it with the edit' }).click();
    await seesGoal(a.page, 'Logo churn, renamed on B');
    await roomHealth(b.page).waitFor({ state: 'detached', timeout: 20_000 });
    expect([...pageErrors(a), ...pageErrors(b)]).toEqual([]);
  });

  it('the owner gives the room new secrets (B is told plainly, the new link works), then deletes it', async () => {
    await a.page.getByRole('banner').getByRole('button', { name: 'Share' }).click();
    const shared = a.page.getByRole('dialog', { name: 'Shared as a room' });
    await shared.getByRole('button', { name: 'Change the room’s secret' }).click();
    await shared
      .getByRole('status')
      .getByText(/The room has new secrets/)
      .waitFor();
    const edit = await shared.getByRole('textbox', { name: 'Edit link' }).inputValue();
    expect(edit).not.toBe(links.edit);
    await b.page.getByText(/The room’s owner changed its secret/).waitFor({ timeout: 20_000 });
    await b.page.goto(edit);
    await waitForStatus(b.page, /^Connected$/);

    await shared.getByRole('button', { name: 'Delete the room' }).click();
    const confirm = shared.getByRole('group', { name: /Delete this room for everyone\?/ });
    await shared.screenshot({ path: 'test-results/rooms-owner.png' });
    await confirm.getByRole('button', { name: 'Delete the room for everyone' }).click();
    await a.page.getByText(/The room was deleted on the relay/).waitFor();
    await shared.waitFor({ state: 'hidden' });
    expect(await roomStatus(a.page).count()).toBe(0);
    await waitForStatus(b.page, /^The room was deleted by its owner/);
    expect([...pageErrors(a), ...pageErrors(b)]).toEqual([]);
  });
});

/** Links `child` under `parent` from the child's details. */
async function linkUnder(page: Page, child: string, parent: string): Promise<void> {
  await page.getByRole('group', { name: child, exact: true }).click();
  const contributes = page.getByRole('group', { name: 'Contributes to…' });
  const find = contributes.getByRole('searchbox', { name: 'Find a goal' });
  await find.fill(parent);
  await find.press('Enter');
  await page.getByRole('button', { name: `Link to “${parent}”` }).waitFor();
  await page.keyboard.press('Escape');
}

/** The Room group of Map health. */
function roomHealth(page: Page) {
  return page.getByRole('region', { name: 'Map health' }).getByRole('region', { name: 'Room' });
}

/** The text of the one item Map health lists under Room (the panel opened if it is not). */
async function setAsideItem(page: Page): Promise<string> {
  const button = page.getByRole('button', { name: 'Map health' });
  if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click();
  const item = roomHealth(page).getByRole('listitem');
  await item.waitFor({ timeout: 20_000 });
  return (await item.getByRole('paragraph').textContent()) ?? '';
}
