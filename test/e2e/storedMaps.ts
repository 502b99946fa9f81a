import type { Page } from 'playwright-core';
import type { RawTables } from '../unit/db/storedMaps';

/** Reads what the app stored from outside the app: the raw IndexedDB API, in the page. */

/** The app's database and the two tables a save writes in one transaction. */
const DATABASE = 'common-ground';

/** Both tables in one read-only transaction, so the two are seen at the same moment. */
export function readRawTables(page: Page): Promise<RawTables> {
  return page.evaluate(async (name) => {
    const settle = <T>(request: IDBRequest<T>): Promise<T> =>
      new Promise((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
      });
    const db = await settle(indexedDB.open(name));
    try {
      const tx = db.transaction(['maps', 'documents'], 'readonly');
      const [maps, documents] = await Promise.all([
        settle(tx.objectStore('maps').getAll()),
        settle(tx.objectStore('documents').getAll()),
      ]);
      return { maps, documents };
    } finally {
      db.close();
    }
  }, DATABASE);
}
