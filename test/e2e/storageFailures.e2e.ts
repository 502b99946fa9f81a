import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createExampleMap } from '../../src/domain/exampleMap';
import { setUpAppPage, showsNode } from './launch';

const example = createExampleMap('2026-01-01T00:00:00.000Z');
const mission = example.goals.find((g) => g.kind === 'mission')?.title ?? '';

let page: Page;
let errors: string[];

// Registered first, so it runs after the page's screenshot and the browser's close.
afterEach(() => {
  expect(errors).toEqual([]);
});
setUpAppPage(
  {
    perTest: true,
    beforeLoad: (opened) => opened.addInitScript(injectWriteFailures),
    ready: showsNode(mission),
    screenshots: 'storage',
  },
  (app) => ({ page, errors } = app),
);

/** How a write of a map document fails while `window.cgWriteFailure` is set. */
interface WriteFailure {
  /** The error's name, as the browser gives it. */
  readonly name: string;
  /**
   * 'throw': the store refuses the write at once (the request throws). 'abort': the transaction
   * aborts at commit with the error on it, as a full disk is reported; Dexie then rejects with an
   * AbortError whose `inner` is that error.
   */
  readonly how: 'throw' | 'abort';
}

declare global {
  interface Window {
    cgWriteFailure?: WriteFailure | null;
  }
}

/** Runs in the page before the app: makes writes of map documents fail on demand. */
function injectWriteFailures(): void {
  const store = IDBObjectStore.prototype;
  // eslint-disable-next-line @typescript-eslint/unbound-method -- always called with .call(store)
  const originalPut = store.put;
  const errorDescriptor = Object.getOwnPropertyDescriptor(IDBTransaction.prototype, 'error');
  const aborted = new WeakMap<IDBTransaction, DOMException>();
  store.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
    const failure = window.cgWriteFailure;
    if (!failure || this.name !== 'documents') return originalPut.call(this, value, key);
    const error = new DOMException('Injected write failure.', failure.name);
    if (failure.how === 'throw') throw error;
    // The write itself succeeds; committing it fails, as a disk that fills up mid-save does.
    const request = originalPut.call(this, value, key);
    const transaction = this.transaction;
    request.addEventListener('success', () => {
      aborted.set(transaction, error);
      transaction.abort();
    });
    return request;
  };
  Object.defineProperty(IDBTransaction.prototype, 'error', {
    get(this: IDBTransaction): DOMException | null {
      const injected = aborted.get(this);
      if (injected) return injected;
      const real: unknown = errorDescriptor?.get?.call(this);
      return real instanceof DOMException ? real : null;
    },
  });
}

const node = (name: string) => page.getByRole('group', { name, exact: true });
const saveStatus = () => page.getByRole('status', { name: 'Save status' });
const storageAlert = () => page.getByRole('alert', { name: 'Storage problem' });

async function retitle(from: string, to: string): Promise<void> {
  await node(from).click();
  const title = page.getByRole('textbox', { name: 'Title' });
  await title.fill(to);
  await title.press('Enter');
  await node(to).waitFor();
}

async function downloadedText(click: () => Promise<void>): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await download.path();
  return readFile(path, 'utf8');
}

describe('a write that fails', () => {
  // Which error names mean a full disk (Firefox's older names, Dexie's wrapping) is unit-tested
  // in autosave.test.ts; a refused write at once ('throw') is the retry test's below.
  it.each([
    [
      'a full quota at commit, wrapped as Dexie reports it',
      { name: 'QuotaExceededError', how: 'abort' },
      true,
    ],
    ['a failure that is not about space', { name: 'UnknownError', how: 'throw' }, false],
  ] satisfies [string, WriteFailure, boolean][])(
    'warns about %s, keeps the map, exports it, and the next write persists everything',
    async (_what, failure, quota) => {
      await page.evaluate((f) => {
        window.cgWriteFailure = f;
      }, failure);
      await retitle('Gross margin', 'Edited while the disk was full');
      await storageAlert().waitFor();
      expect(await storageAlert().textContent()).toContain(
        quota ? 'no storage space left' : 'Could not save the map',
      );
      await expect.poll(() => saveStatus().textContent()).toContain('Not saved');
      await page.screenshot({ path: `test-results/storage-${failure.name}-${failure.how}.png` });

      // The map is still here, and leaves the browser intact.
      await node('Edited while the disk was full').waitFor();
      const exported = await downloadedText(() =>
        storageAlert().getByRole('button', { name: 'Export JSON now' }).click(),
      );
      expect(exported).toContain('Edited while the disk was full');

      await retitle('Logo churn', 'A second edit, also unsaved');
      await page.evaluate(() => {
        window.cgWriteFailure = null;
      });
      await storageAlert().getByRole('button', { name: 'Retry now' }).click();
      await expect.poll(() => saveStatus().textContent()).toBe('All changes saved');
      expect(await storageAlert().count()).toBe(0);

      await page.reload();
      await node('Edited while the disk was full').waitFor();
      await node('A second edit, also unsaved').waitFor();
    },
  );

  it('tries again by itself once the disk has room', async () => {
    await page.evaluate(() => {
      window.cgWriteFailure = { name: 'QuotaExceededError', how: 'throw' };
    });
    await retitle('Gross margin', 'Saved on a later try');
    await storageAlert().waitFor();
    await page.evaluate(() => {
      window.cgWriteFailure = null;
    });
    await expect
      .poll(() => saveStatus().textContent(), { timeout: 10_000 })
      .toBe('All changes saved');
    await page.reload();
    await node('Saved on a later try').waitFor();
  });
});

describe('a write that fails in workshop mode', () => {
  it('shows the alert in the workshop panel, and what the room typed is kept', async () => {
    const conflict = example.conflicts[0];
    if (!conflict) throw new Error('the example map needs a conflict');
    await page.getByRole('button', { name: 'Conflicts', exact: true }).click();
    await page.getByRole('button', { name: `Open conflict: ${conflict.title}` }).click();
    await page.getByRole('button', { name: 'Workshop mode' }).click();
    const panel = page.getByRole('complementary', { name: 'Walk up the tree' });
    await panel.waitFor();
    await page.evaluate(() => {
      window.cgWriteFailure = { name: 'QuotaExceededError', how: 'throw' };
    });
    const notes = page.getByRole('textbox', { name: 'Notes' });
    await notes.fill('Agreed: a discount floor.');
    await notes.press('Enter');
    await panel.getByRole('alert', { name: 'Storage problem' }).waitFor();
    await page.screenshot({ path: 'test-results/storage-workshop.png' });
    await page.evaluate(() => {
      window.cgWriteFailure = null;
    });
    await panel.getByRole('button', { name: 'Retry now' }).click();
    await expect.poll(() => panel.getByRole('alert').count()).toBe(0);
    await page.reload();
    await page.getByRole('group', { name: mission }).waitFor();
    await page.getByRole('button', { name: 'Conflicts', exact: true }).click();
    await page.getByRole('button', { name: `Open conflict: ${conflict.title}` }).click();
    await page.getByRole('button', { name: 'Workshop mode' }).click();
    expect(await page.getByRole('textbox', { name: 'Notes' }).inputValue()).toBe(
      'Agreed: a discount floor.',
    );
  });
});

/** Stores a map the importer refuses, straight into IndexedDB, as damage or an old bug would. */
async function storeBrokenMap(): Promise<unknown> {
  return page.evaluate(
    () =>
      new Promise<unknown>((resolve, reject) => {
        const file = {
          format: 'common-ground',
          version: 1,
          map: {
            id: 'm-broken',
            name: 'Board prep',
            createdAt: '2026-01-01T00:00:00Z',
            updatedAt: '2026-01-01T00:00:00Z',
          },
          goals: [{ id: 'g1', title: 'Grow', kind: 'wish' }],
          links: [],
          stakeholders: [],
          incentives: [],
          conflicts: [],
        };
        const open = indexedDB.open('common-ground');
        open.onerror = () => reject(new Error('open failed'));
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['maps', 'documents'], 'readwrite');
          const counts = { goals: 1, stakeholders: 0, conflicts: 0 };
          tx.objectStore('maps').put({
            id: 'm-broken',
            name: 'Board prep',
            createdAt: file.map.createdAt,
            updatedAt: file.map.updatedAt,
            counts,
            revision: 3,
          });
          tx.objectStore('documents').put({ id: 'm-broken', revision: 3, file });
          tx.oncomplete = () => {
            db.close();
            resolve(file);
          };
        };
      }),
  );
}

async function readStoredDocument(id: string): Promise<unknown> {
  return page.evaluate(
    (key) =>
      new Promise<unknown>((resolve) => {
        const open = indexedDB.open('common-ground');
        open.onsuccess = () => {
          const get = open.result.transaction('documents').objectStore('documents').get(key);
          get.onsuccess = () => {
            open.result.close();
            resolve(get.result);
          };
        };
      }),
    id,
  );
}

describe('a stored map that fails validation', () => {
  it('is set aside while the others open, listed, exportable as stored, and never overwritten', async () => {
    const file = await storeBrokenMap();
    const before = await readStoredDocument('m-broken');
    await page.reload();
    await node(mission).waitFor();
    await page.getByText('“Board prep” cannot be opened').waitFor();

    await page.getByRole('button', { name: 'Maps', exact: true }).click();
    await page.getByText('Can’t be opened: goals[0].kind').waitFor();
    expect(await page.getByRole('button', { name: 'Open Board prep' }).count()).toBe(0);
    const exported = await downloadedText(() =>
      page.getByRole('button', { name: 'Export raw JSON Board prep' }).click(),
    );
    expect(JSON.parse(exported)).toEqual(file);
    await page.screenshot({ path: 'test-results/storage-set-aside.png', fullPage: true });
    expect(await readStoredDocument('m-broken')).toEqual(before);
  });
});

describe('persistent storage', () => {
  it('says whether the browser keeps the maps, and asks it to when the user wants', async () => {
    await page.getByRole('button', { name: 'Maps', exact: true }).click();
    const section = page.getByRole('region', { name: 'Storage on this device' });
    await section.waitFor();
    expect(await section.textContent()).toMatch(
      /Storage is not persistent|Persistent storage is on/,
    );
    expect(await section.textContent()).toMatch(/Using \d/);
    const ask = section.getByRole('button', { name: 'Ask the browser to keep my maps' });
    if ((await ask.count()) > 0) {
      await ask.click();
      await expect
        .poll(() => section.textContent())
        .toMatch(/did not agree to keep your maps|Persistent storage is on/);
    }
  });
});

describe('a database the browser discarded', () => {
  it('says the maps kept here are gone and how to bring them back, once', async () => {
    const app = page.url();
    // A visit that used the database: storage opens after the first map, and keeps its stamp.
    await page.waitForFunction(() => localStorage.getItem('common-ground.database-stamp'));
    // Away from the app, so that nothing holds the database open, as after a crash. Chromium asks
    // a page that is not HTML for /favicon.ico, which the app does not have.
    await page.route('**/favicon.ico', (route) => route.fulfill({ status: 204 }));
    await page.goto(new URL('/manifest.webmanifest', app).href);
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.deleteDatabase('common-ground');
          request.onsuccess = () => resolve();
          request.onerror = () => reject(request.error ?? new Error('delete failed'));
          request.onblocked = () => reject(new Error('the database is still open'));
        }),
    );
    await page.goto(app);
    const alert = page.getByRole('alert').filter({ hasText: 'reset the storage' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Import the files to bring them back');
    await page.screenshot({ path: 'test-results/storage-reset.png' });
    await node(mission).waitFor();
    await page.reload();
    await node(mission).waitFor();
    expect(await alert.count()).toBe(0);
  });
});
