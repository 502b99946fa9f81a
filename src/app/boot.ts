import { ensureStarterMaps } from '../db/repository';
import { openDatabase } from '../db/schema';
import { onUpgradeElsewhere } from '../db/watch';
import { createExampleMap } from '../domain/exampleMap';
import { setDatabase } from '../store/database';
import { libraryStore } from '../store/libraryStore';
import { requestPersistenceOnFirstEdit, storageHealthStore } from '../store/storageHealth';

/**
 * Boot order: open the database, create the example map on first run, open the last map (or show
 * the library when no map can be opened). Rendering waits for this, so the first screen never
 * shows an empty canvas that then jumps.
 */
export async function boot(): Promise<void> {
  const db = openDatabase();
  setDatabase(db);
  onUpgradeElsewhere(db, () => libraryStore.getState().suspendForUpgrade());
  await ensureStarterMaps(db, () => createExampleMap(new Date().toISOString()));
  await libraryStore.getState().start();
  void storageHealthStore.getState().check();
  requestPersistenceOnFirstEdit();
}
