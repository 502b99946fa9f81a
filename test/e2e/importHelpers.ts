import { readFile } from 'node:fs/promises';
import type { Download, Locator, Page } from 'playwright-core';

/**
 * Every IndexedDB database of the page, every store, every key and value, read with the raw
 * IndexedDB API (not the app's code) and serialised: equal strings mean nothing stored changed.
 */
export function dumpIndexedDb(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const settle = <T>(request: IDBRequest<T>): Promise<T> =>
      new Promise((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
      });
    const dump: Record<string, unknown> = {};
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      const db = await settle(indexedDB.open(name));
      for (const storeName of Array.from(db.objectStoreNames)) {
        const store = db.transaction(storeName).objectStore(storeName);
        const [keys, values] = await Promise.all([
          settle(store.getAllKeys()),
          settle(store.getAll()),
        ]);
        dump[`${name}/${storeName}`] = { keys, values };
      }
      db.close();
    }
    return JSON.stringify(dump);
  });
}

/** Autosave has written everything, so a dump taken now is what stays stored. */
export async function waitUntilSaved(page: Page): Promise<void> {
  await page
    .getByRole('status', { name: 'Save status' })
    .filter({ hasText: /^All changes saved$/ })
    .waitFor();
}

/** Picks an item of the Export menu and returns the download it starts. */
export async function exportAs(page: Page, item: string): Promise<Download> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('menuitem', { name: item, exact: true }).click();
  return download;
}

export async function downloadedText(download: Download): Promise<string> {
  const path = await download.path();
  return readFile(path, 'utf8');
}

/** Hands a file to the Import button's file picker. */
export async function importFile(page: Page, path: string): Promise<void> {
  await page.getByLabel('Import file').setInputFiles(path);
}

export function dialogNamed(page: Page, name: string | RegExp): Locator {
  return page.getByRole('dialog', { name });
}
