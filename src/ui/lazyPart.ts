import type { App } from '../store/app';
import { useApp } from '../store/appContext';
import { createElement, use, type ComponentType, type FunctionComponent } from 'react';

const RELOAD_NOTICE =
  'This part of the app could not be loaded, probably because a newer version was installed. Reload the page to use it.';

/** What an unavailable part renders: the notice says why. */
const Nothing = (): null => null;
const done = (): void => undefined;

/** A component whose code is fetched on first use (render it inside Suspense), or ahead of it. */
export type LazyPart<P extends object> = FunctionComponent<P> & {
  /** Fetches the part's code now; resolves once it is there or could not be fetched. */
  readonly preload: () => Promise<void>;
};

export interface LazyPartOptions {
  /** Undoes whatever asked for the part, when its code cannot be fetched. */
  readonly onUnavailable?: (app: App) => void;
  /**
   * The editor shows it on a click (a selection, a panel, a dialog): fetched once the browser is
   * idle after the first screen, so that click does not wait for the network.
   */
  readonly whenIdle?: boolean;
}

const idleParts: (() => Promise<void>)[] = [];
/** Set once the first screen is up: parts declared later (inside a lazy part) are fetched at once. */
let idlePreloadStarted = false;

/**
 * A component loaded on first use, so it is not part of the JavaScript the first screen waits
 * for. Once its code is there it renders at once, without a Suspense fallback in between. If the
 * code cannot be fetched when it is needed (the app was updated and the old file is gone, or the
 * network dropped), the user is told to reload instead of the whole app going blank, which is
 * what an unhandled lazy failure does. A failed preload stays silent and is tried again on use.
 */
export function lazyPart<P extends object>(
  load: () => Promise<ComponentType<P>>,
  { onUnavailable = done, whenIdle = false }: LazyPartOptions = {},
): LazyPart<P> {
  let component: ComponentType<P> | undefined;
  let fetching: Promise<void> | undefined;
  let needed: Promise<void> | undefined;
  const fetchCode = (): Promise<void> =>
    (fetching ??= load().then(
      (loaded) => {
        component = loaded;
      },
      (error: unknown) => {
        fetching = undefined;
        throw error;
      },
    ));
  // Settles either way, so rendering never throws: a part that cannot be fetched renders nothing.
  const fetchForUse = (app: App): Promise<void> =>
    (needed ??= fetchCode().catch(() => {
      component = Nothing;
      onUnavailable(app);
      app.sessionStore.getState().showNotice({ kind: 'error', text: RELOAD_NOTICE });
    }));
  function Part(props: P) {
    const app = useApp();
    if (component === undefined) use(fetchForUse(app));
    return component === undefined ? null : createElement(component, props);
  }
  const preload = () => fetchCode().then(done, done);
  if (whenIdle && idlePreloadStarted) whenBrowserIdle(() => void preload());
  else if (whenIdle) idleParts.push(preload);
  return Object.assign(Part, { preload });
}

/** Longest wait for an idle moment: a busy page still gets its parts soon after it settles. */
const IDLE_TIMEOUT_MS = 2000;

function whenBrowserIdle(run: () => void): void {
  if (typeof requestIdleCallback === 'function') {
    requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS });
  } else {
    setTimeout(run, 0);
  }
}

/**
 * Fetches every part marked `whenIdle`, once the browser has time for it, and from then on every
 * such part a lazily loaded module declares (the inspector's kinds arrive with the inspector).
 */
export function preloadIdleParts(): void {
  idlePreloadStarted = true;
  whenBrowserIdle(() => {
    for (const preload of idleParts) void preload();
  });
}
