import { createApp, type App } from '../store/app';
import { ensureStarterMaps, needsStarterMaps } from '../db/repository';
import { openDatabase } from '../db/schema';
import { loadStoredMapReader } from '../db/storedMapReader';
import { onUpgradeElsewhere } from '../db/watch';
import { recoverEditsLeftBehind } from '../store/unsavedEdits';
import { requestPersistenceOnFirstEdit } from '../store/storageHealth';
import { isRoomFragment } from '../io/roomFragment';
import { reportFailure } from '../ui/reportFailure';
import { firstMapShown } from './firstMap';

/**
 * Boot order: open the database (and fetch the importer stored maps are read through), make the
 * app (its stores) on it, create the example map on first run, open the last map (or show the
 * library when no map can be opened); the database's stamp is kept meanwhile. Rendering waits
 * for this, so the first screen never shows an empty canvas that then jumps.
 */
export async function boot(): Promise<App> {
  const db = openDatabase();
  const app = createApp({ db });
  onUpgradeElsewhere(db, () => app.libraryStore.getState().suspendForUpgrade());
  // Every stored map is read through the importer: its code arrives while the database opens.
  const [firstRun] = await Promise.all([needsStarterMaps(db), loadStoredMapReader()]);
  // The example company is code only a new database needs, so it loads only then.
  if (firstRun) await createStarterMaps(app);
  rememberDatabase(app, firstRun);
  await recoverEditsLeftBehind(app);
  await app.libraryStore.getState().start();
  requestPersistenceOnFirstEdit(app);
  const openRoom = () => openRoomFromAddress(app);
  openRoom();
  window.addEventListener('hashchange', openRoom);
  return app;
}

/** A new database: stores the example map. */
async function createStarterMaps(app: App): Promise<void> {
  const { createExampleMap } = await import('../domain/exampleMap');
  await ensureStarterMaps(app.db, () => createExampleMap(app.clock()));
}

/**
 * Keeps the database's stamp, and tells the user when the browser replaced the database an
 * earlier visit used. Not on the way to the first map (its code and its transaction follow it):
 * the notice shows a moment after the example map, and the app works on without it.
 */
function rememberDatabase(app: App, newDatabase: boolean): void {
  import('./storageReset')
    .then(async ({ noteDatabase, STORAGE_RESET_TEXT }) => {
      if (await noteDatabase(app.db, app.clock, newDatabase)) {
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
