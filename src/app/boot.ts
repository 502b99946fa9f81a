import { createApp, type App } from '../store/app';
import { ensureStarterMaps, needsStarterMaps } from '../db/repository';
import { openDatabase } from '../db/schema';
import { loadStoredMapReader } from '../db/storedMapReader';
import { onUpgradeElsewhere } from '../db/watch';
import { recoverEditsLeftBehind } from '../store/unsavedEdits';
import { requestPersistenceOnFirstEdit } from '../store/storageHealth';
import { isRoomFragment } from '../io/roomFragment';
import { reportFailure } from '../ui/reportFailure';

/**
 * Boot order: open the database (and fetch the importer stored maps are read through), make the
 * app (its stores) on it, create the example map on first run, open the last map (or show the
 * library when no map can be opened). Rendering waits for this, so the first screen never shows
 * an empty canvas that then jumps.
 */
export async function boot(): Promise<App> {
  const db = openDatabase();
  const app = createApp({ db });
  onUpgradeElsewhere(db, () => app.libraryStore.getState().suspendForUpgrade());
  // Every stored map is read through the importer: its code arrives while the database opens.
  const [firstRun] = await Promise.all([needsStarterMaps(db), loadStoredMapReader()]);
  // The example company and the reset check are code only a new database needs, so they load
  // only then; on other starts the database's stamp is remembered in the background.
  const reset = firstRun ? await createStarterMaps(app) : false;
  if (!firstRun) rememberDatabaseLater(app);
  await recoverEditsLeftBehind(app);
  await app.libraryStore.getState().start();
  if (reset) app.sessionStore.getState().showNotice({ kind: 'error', text: reset });
  requestPersistenceOnFirstEdit(app);
  const openRoom = () => openRoomFromAddress(app);
  openRoom();
  window.addEventListener('hashchange', openRoom);
  return app;
}

/**
 * A new database: stores the example map, and says whether the browser replaced the database an
 * earlier visit used (the text to tell the user, or false).
 */
async function createStarterMaps(app: App): Promise<string | false> {
  const [{ createExampleMap }, storageReset] = await Promise.all([
    import('../domain/exampleMap'),
    import('./storageReset'),
  ]);
  await ensureStarterMaps(app.db, () => createExampleMap(app.clock()));
  const reset = await storageReset.noteDatabase(app.db, app.clock, true);
  return reset && storageReset.STORAGE_RESET_TEXT;
}

function rememberDatabaseLater(app: App): void {
  import('./storageReset')
    .then((m) => m.noteDatabase(app.db, app.clock, false))
    // Only the notice after a later reset depends on it; the app works on without.
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
 * After the first render: the service worker that keeps the app working offline. Only the build
 * has one (the dev server serves no sw.js), and its code loads on demand so the first screen does
 * not wait for it.
 */
export function startServiceWorker(app: App): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  import('./serviceWorker')
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
