import { createApp, type App } from '../store/app';
import { ensureStarterMaps, needsStarterMaps } from '../db/repository';
import { DEFAULT_DATABASE_NAME, isNewDatabase } from '../db/newDatabase';
import type { CommonGroundDb } from '../db/schema';
import { loadStoredMapReader } from '../db/storedMapReader';
import { onUpgradeElsewhere } from '../db/watch';
import type { MapDocument } from '../domain/model';
import { describeError } from '../domain/result';
import type { StorageAlert } from '../store/sessionStore';
import { recoverEditsLeftBehind } from '../store/unsavedEdits';
import { requestPersistenceOnFirstEdit } from '../store/storageHealth';
import { isRoomFragment } from '../io/roomFragment';
import { reportFailure } from '../ui/reportFailure';
import { firstMapShown } from './firstMap';

/**
 * Boot order. A return visit opens the database (and fetches the importer stored maps are read
 * through), makes the app (its stores) on it, and opens the last map, or shows the library when
 * no map can be opened. A first visit (no database yet) draws the example map at once and opens
 * storage only once it is drawn: Dexie, the importer and the database's first transactions are
 * not on the way of the first map a new user sees. Rendering waits for boot, so the first screen
 * never shows an empty canvas that then jumps.
 */
export async function boot(): Promise<App> {
  const firstVisit = await isNewDatabase(DEFAULT_DATABASE_NAME);
  let ready: (db: CommonGroundDb) => void = () => undefined;
  let failed: (error: unknown) => void = () => undefined;
  const db = new Promise<CommonGroundDb>((resolve, reject) => {
    [ready, failed] = [resolve, reject];
  });
  const app = createApp({ db });
  db.then(
    (open) => onUpgradeElsewhere(open, () => app.libraryStore.getState().suspendForUpgrade()),
    () => undefined,
  );
  if (firstVisit) await showExampleFirst(app, ready, failed);
  else {
    const open = await loadDatabase();
    ready(open);
    await openLastMap(app, open);
  }
  requestPersistenceOnFirstEdit(app);
  const openRoom = () => openRoomFromAddress(app);
  openRoom();
  window.addEventListener('hashchange', openRoom);
  return app;
}

/** Dexie and the schema, loaded apart from the first screen, and the database opened on them. */
async function loadDatabase(): Promise<CommonGroundDb> {
  const { openDatabase } = await import('../db/schema');
  return openDatabase();
}

/** What follows the database's opening on either path, before a map opens from it. */
function openedDatabase(app: App, db: CommonGroundDb, newDatabase: boolean): Promise<void> {
  rememberDatabase(app, db, newDatabase);
  return recoverEditsLeftBehind(app, db);
}

/** A return visit: storage first, then the last map (made the example first if it never was). */
async function openLastMap(app: App, db: CommonGroundDb): Promise<void> {
  // Every stored map is read through the importer: its code arrives while the database opens.
  const [firstRun] = await Promise.all([needsStarterMaps(db), loadStoredMapReader()]);
  if (firstRun) {
    const example = await createExample(app);
    await ensureStarterMaps(db, () => example);
  }
  await openedDatabase(app, db, firstRun);
  await app.libraryStore.getState().start();
}

/**
 * A first visit: the example map is shown before any storage code loads. Once it is drawn, the
 * database opens and the editor stores the example as it is on screen (edits made meanwhile
 * kept); only then is the app's database (`ready`) handed to what waits for it, so every later
 * write (an orientation, a rename in the library) finds the example stored.
 */
async function showExampleFirst(
  app: App,
  ready: (db: CommonGroundDb) => void,
  failed: (error: unknown) => void,
): Promise<void> {
  const example = await createExample(app);
  let opened: CommonGroundDb | null = null;
  const openStorage = async (): Promise<CommonGroundDb> => {
    await firstMapShown(app);
    try {
      const [db] = await Promise.all([loadDatabase(), loadStoredMapReader()]);
      await openedDatabase(app, db, true);
      opened = db;
      return db;
    } catch (error) {
      failed(error);
      app.sessionStore.getState().setStorageAlert(storageNotOpened(error));
      throw error;
    }
  };
  void app.libraryStore
    .getState()
    .startFirstVisit(example, openStorage)
    .then(() => {
      if (opened) ready(opened);
    });
}

/**
 * What a first visit says when its storage would not open: nothing on screen is kept, said where
 * a failed save is said, until reload. A database newer than this code (a newer version of the
 * app opened it in another tab meanwhile) is said as such, with the export that keeps the map.
 */
export function storageNotOpened(error: unknown): StorageAlert {
  const name: unknown = error instanceof Object ? Reflect.get(error, 'name') : undefined;
  if (name === 'VersionError') return { kind: 'upgraded-elsewhere', saved: false };
  return {
    kind: 'write-failed',
    message: `Common Ground could not open its local storage: ${describeError(error)}`,
    quota: false,
  };
}

/** The example company: code only a first run needs, so it loads only then. */
async function createExample(app: App): Promise<MapDocument> {
  const { createExampleMap } = await import('../domain/exampleMap');
  return createExampleMap(app.clock());
}

/**
 * Keeps the database's stamp, and tells the user when the browser replaced the database an
 * earlier visit used. Not on the way to the first map (its code and its transaction follow it):
 * the notice shows a moment after the example map, and the app works on without it.
 */
function rememberDatabase(app: App, db: CommonGroundDb, newDatabase: boolean): void {
  import('./storageReset')
    .then(async ({ noteDatabase, STORAGE_RESET_TEXT }) => {
      if (await noteDatabase(db, app.clock, newDatabase)) {
        app.sessionStore.getState().showNotice({ kind: 'error', text: STORAGE_RESET_TEXT });
      }
    })
    .catch(() => undefined);
}

/**
 * A room link (`…/#room=…`) opens its room, once the app is up (a relay that is slow to answer
 * does not hold up the first screen). The fragment leaves the address bar at once, so the
 * secret is not left on a shared screen or in a bookmark.
 */
function openRoomFromAddress(app: App): void {
  const fragment = window.location.hash;
  if (!isRoomFragment(fragment)) return;
  window.history.replaceState(null, '', window.location.pathname + window.location.search);
  import('../store/rooms/links')
    .then(({ joinFromFragment }) =>
      joinFromFragment(app, fragment, (id) => app.libraryStore.getState().openMap(id)),
    )
    .catch((error: unknown) => reportFailure(app, 'The room could not be opened', error));
}

/** A long-open tab (a workshop, a day of prep) still hears of a new version within the hour. */
const UPDATE_CHECK_MS = 60 * 60 * 1000;

/**
 * Once the first map is drawn: the service worker that keeps the app working offline. Only the
 * build has one (the dev server serves no sw.js). Its code, and on a first visit the copy of every
 * file it keeps, load after the first map, so the map does not share the network with them.
 */
export function startServiceWorker(app: App): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  firstMapShown(app)
    .then(() => import('./serviceWorker'))
    .then(({ registerServiceWorker }) =>
      registerServiceWorker({
        container: navigator.serviceWorker,
        flush: () => app.libraryStore.getState().flush(),
        reload: () => {
          window.location.reload();
        },
        offer: (update) => {
          app.updateStore.getState().offer(update);
        },
        checkEveryMs: UPDATE_CHECK_MS,
      }),
    )
    .catch((error: unknown) => {
      // Everything still works online; only offline use and updates are unavailable.
      console.warn('Common Ground could not install its offline copy:', error);
    });
}
