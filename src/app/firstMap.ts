import type { App } from '../store/app';

/**
 * Resolves once the first screen has what it opened for: the open map is drawn (its first layout
 * has landed; a map is not drawn before) or the library shows instead. Call it after boot. What
 * the first map does not need (the offline copy, the editor's parts fetched when idle) waits for
 * it, so a first visit's first map does not share the network with them.
 */
export function firstMapShown(app: App): Promise<void> {
  const shown = () =>
    app.libraryStore.getState().view === 'library' || app.positionsStore.getState().mapId !== null;
  return new Promise((resolve) => {
    if (shown()) {
      resolve();
      return;
    }
    const check = () => {
      if (!shown()) return;
      stops.forEach((stop) => stop());
      resolve();
    };
    const stops = [app.positionsStore.subscribe(check), app.libraryStore.subscribe(check)];
  });
}
