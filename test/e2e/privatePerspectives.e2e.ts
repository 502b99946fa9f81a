import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type AxeCore from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createExampleMap } from '../../src/domain/exampleMap';
import { startRelay, type Relay } from '../../src/relay/relay';
import { collectPageErrors } from './browser';
import { setUpBrowser } from './launch';

/*
 * Private perspectives end to end: a relay on a free loopback port, A shares the example map
 * (the facilitator), B opens the edit link, C the view only link. Every WebSocket frame each
 * device receives is recorded from its first page load on.
 */

const example = createExampleMap('2026-01-01T00:00:00.000Z');
const conflict = example.conflicts.find((c) => c.id === 'c-discounting');
const nameOf = (id: string | undefined) =>
  example.stakeholders.find((s) => s.id === id)?.name ?? '';
const [sales, cfo] = [nameOf(conflict?.parties[0]), nameOf(conflict?.parties[1])];
const mission = example.goals.find((g) => g.kind === 'mission')?.title ?? '';
const B_TEXT = 'Written on B alone: a two year contract would let me drop the discount';
const A_TEXT = 'Written on A alone: ten percent is fine when they pay upfront';

interface Device {
  readonly page: Page;
  readonly errors: string[];
  /** Every frame this device's sockets received, as text (binary frames byte for byte). */
  readonly frames: string[];
}

let browser: Browser;
let relay: Relay;
let dataDir: string;
let a: Device;
let b: Device;
let c: Device;

/** Devices that joined the relay started last: its status line may still say Connected before. */
let joined = 0;
const startRoomRelay = (port: number) => {
  joined = 0;
  return startRelay({
    port,
    dataDir,
    storeDelayMs: 50,
    log: (event) => {
      if (event === 'joined') joined += 1;
    },
  });
};

async function device(): Promise<Device> {
  // bypassCSP only lets axe's script in (the app's policy forbids inline scripts).
  const context = await browser.newContext({
    viewport: { width: 1280, height: 720 },
    bypassCSP: true,
  });
  const page = await context.newPage();
  const frames: string[] = [];
  page.on('websocket', (ws) => {
    ws.on('framereceived', ({ payload }) => {
      frames.push(typeof payload === 'string' ? payload : payload.toString('latin1'));
    });
  });
  return { page, frames, errors: await collectPageErrors(page) };
}

setUpBrowser((launched) => (browser = launched));
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'cg-private-'));
  relay = await startRoomRelay(0);
  [a, b, c] = await Promise.all([device(), device(), device()]);
});
afterAll(async () => {
  await relay.close();
  await rm(dataDir, { recursive: true, force: true });
});

const roomStatus = (page: Page) => page.getByRole('status', { name: 'Room status' });
const waitForConnected = (page: Page) =>
  expect.poll(() => roomStatus(page).textContent(), { timeout: 20_000 }).toMatch(/^Connected$/);
const editor = (page: Page) => page.getByRole('region', { name: 'Conflict', exact: true });
const announcement = (page: Page) =>
  editor(page).getByRole('status').filter({ hasText: /\S/ }).last();

async function openConflict(page: Page): Promise<void> {
  const button = page.getByRole('button', { name: 'Conflicts', exact: true });
  if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click();
  await page.getByRole('button', { name: `Open conflict: ${conflict?.title ?? ''}` }).click();
  await editor(page).waitFor();
}

async function writePrivately(page: Page, party: string, text: string): Promise<void> {
  await editor(page).getByRole('checkbox', { name: 'Write privately until revealed' }).check();
  const field = editor(page).getByRole('textbox', { name: `Private perspective of ${party}` });
  await field.fill(text);
  // Esc neither takes the text back nor sends it anywhere but the relay.
  await field.press('Escape');
}

const written = (page: Page, party: string) =>
  editor(page)
    .getByRole('listitem')
    .filter({ hasText: `${party} has written theirs` });

/** Everything the app keeps in IndexedDB (every store, the room's Yjs updates too), as text. */
function storedText(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const settle = <T>(request: IDBRequest<T>): Promise<T> =>
      new Promise((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
      });
    const latin1 = new TextDecoder('latin1');
    const asText = (value: unknown): string => {
      if (value instanceof ArrayBuffer) return latin1.decode(value);
      if (ArrayBuffer.isView(value)) return latin1.decode(value);
      if (typeof value === 'string') return value;
      if (Array.isArray(value)) return value.map(asText).join('\n');
      if (typeof value === 'object' && value !== null)
        return Object.values(value).map(asText).join('\n');
      return String(value);
    };
    const texts: string[] = [];
    for (const { name } of await indexedDB.databases()) {
      if (name === undefined) continue;
      const db = await settle(indexedDB.open(name));
      try {
        const stores = [...db.objectStoreNames];
        if (stores.length === 0) continue;
        const tx = db.transaction(stores, 'readonly');
        for (const store of stores)
          texts.push(asText(await settle(tx.objectStore(store).getAll())));
      } finally {
        db.close();
      }
    }
    return texts.join('\n');
  });
}

/** Where a private text must not be on `other`: its stored data, its frames, its screen. */
async function expectNowhereOn(other: Device, text: string): Promise<void> {
  const stored = await storedText(other.page);
  expect(stored).toContain(mission); // the read reaches the map itself
  expect(stored).not.toContain(text);
  expect(other.frames.some((f) => f.includes(text))).toBe(false);
  expect(await other.page.locator('body').innerText()).not.toContain(text);
}

const AXE_SOURCE = await readFile(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async () => {
    const { axe } = window as unknown as { axe: typeof AxeCore };
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.flatMap((v) =>
      v.nodes.map((n) => `${v.id} (${v.impact ?? 'unknown'}): ${n.target.join(' ')}`),
    );
  });
}

describe('private perspectives, then the reveal', () => {
  it('A shares the map, B opens the edit link and C the view only link', async () => {
    await a.page.goto(inject('baseUrl'));
    await a.page.getByRole('group', { name: mission }).waitFor();
    await a.page.getByRole('banner').getByRole('button', { name: 'Share' }).click();
    const dialog = a.page.getByRole('dialog', { name: 'Share this map' });
    await dialog.getByRole('textbox', { name: 'Relay address' }).fill(relay.url);
    await dialog.getByRole('button', { name: 'Share as a room' }).click();
    const shared = a.page.getByRole('dialog', { name: 'Shared as a room' });
    const edit = await shared.getByRole('textbox', { name: 'Edit link' }).inputValue();
    const view = await shared.getByRole('textbox', { name: 'View only link' }).inputValue();
    await shared.getByRole('button', { name: 'Done' }).click();
    await Promise.all([b.page.goto(edit), c.page.goto(view)]);
    await Promise.all([a, b, c].map((d) => waitForConnected(d.page)));
    await Promise.all([a, b, c].map((d) => openConflict(d.page)));
  });

  it('each writes privately: the others see who has written, and nothing of the text', async () => {
    await writePrivately(b.page, sales, B_TEXT);
    await writePrivately(a.page, cfo, A_TEXT);
    for (const d of [a, b, c]) {
      await written(d.page, sales).waitFor();
      await written(d.page, cfo).waitFor();
    }
    await expectNowhereOn(a, B_TEXT);
    await expectNowhereOn(c, B_TEXT);
    await expectNowhereOn(b, A_TEXT);
    await expectNowhereOn(c, A_TEXT);
    // Only the facilitator can reveal; a viewer cannot write either.
    for (const d of [b, c])
      expect(
        await editor(d.page).getByRole('button', { name: 'Reveal perspectives' }).count(),
      ).toBe(0);
    expect(
      await editor(c.page)
        .getByRole('checkbox', { name: 'Write privately until revealed' })
        .count(),
    ).toBe(0);
    expect(await axeViolations(a.page)).toEqual([]);
    await editor(a.page)
      .getByRole('button', { name: 'Reveal perspectives' })
      .scrollIntoViewIfNeeded();
    await a.page.screenshot({ path: 'test-results/private-perspectives-written.png' });
  });

  it('the writer’s text is still there after a reload, and a relay restart loses nothing', async () => {
    await b.page.reload();
    await waitForConnected(b.page);
    await openConflict(b.page);
    expect(
      await editor(b.page)
        .getByRole('textbox', { name: `Private perspective of ${sales}` })
        .inputValue(),
    ).toBe(B_TEXT);
    const { port } = relay;
    await relay.close();
    relay = await startRoomRelay(port);
    await expect.poll(() => joined, { timeout: 20_000 }).toBe(3);
    await Promise.all([a, b, c].map((d) => waitForConnected(d.page)));
    await written(c.page, sales).waitFor();
    await written(c.page, cfo).waitFor();
  });

  it('the facilitator reveals by keyboard: every device shows both texts, announced', async () => {
    const reveal = editor(a.page).getByRole('button', { name: 'Reveal perspectives' });
    await expect.poll(() => reveal.isEnabled()).toBe(true);
    await reveal.focus();
    await a.page.keyboard.press('Enter');
    for (const d of [a, b, c]) {
      await expect
        .poll(() => announcement(d.page).textContent(), { timeout: 20_000 })
        .toContain('Perspectives revealed');
      const field = (party: string) =>
        editor(d.page).getByRole('textbox', { name: `Perspective of ${party}`, exact: true });
      await expect.poll(() => field(sales).inputValue()).toContain(B_TEXT);
      await expect.poll(() => field(cfo).inputValue()).toContain(A_TEXT);
    }
    // Revealed, the writers' drafts are gone from their devices.
    for (const d of [a, b])
      expect(await d.page.evaluate(() => Object.keys(localStorage).join(' '))).not.toContain(
        'private-perspectives',
      );
    expect(await axeViolations(c.page)).toEqual([]);
    expect([...a.errors, ...b.errors, ...c.errors].filter((e) => !e.includes('WebSocket'))).toEqual(
      [],
    );
  });
});
