import type { App } from '../store/app';
import { useApp } from '../store/appContext';
import {
  createElement,
  use,
  useEffect,
  useReducer,
  type ComponentType,
  type FunctionComponent,
} from 'react';

const RELOAD_NOTICE =
  'This part of the app could not be loaded, probably because a newer version was installed. Reload the page to use it.';

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

/** Code fetched on first use or ahead of it; a failed use is told to the user once. */
interface OnDemand<T> {
  /** The code, once fetched; undefined before (and for good once it could not be fetched). */
  readonly current: () => T | undefined;
  /** Settles either way, so a caller never throws: failure leaves `current` undefined. */
  readonly fetchForUse: (app: App) => Promise<void>;
  readonly preload: () => Promise<void>;
}

function onDemand<T>(
  load: () => Promise<T>,
  { onUnavailable = done, whenIdle = false }: LazyPartOptions,
): OnDemand<T> {
  let code: T | undefined;
  let fetching: Promise<void> | undefined;
  let needed: Promise<void> | undefined;
  const fetchCode = (): Promise<void> =>
    (fetching ??= load().then(
      (loaded) => {
        code = loaded;
      },
      (error: unknown) => {
        fetching = undefined;
        throw error;
      },
    ));
  const fetchForUse = (app: App): Promise<void> =>
    (needed ??= fetchCode().catch(() => {
      onUnavailable(app);
      app.sessionStore.getState().showNotice({ kind: 'error', text: RELOAD_NOTICE });
    }));
  const preload = () => fetchCode().then(done, done);
  if (whenIdle && idlePreloadStarted) whenBrowserIdle(() => void preload());
  else if (whenIdle) idleParts.push(preload);
  return { current: () => code, fetchForUse, preload };
}

/**
 * A component loaded on first use, so it is not part of the JavaScript the first screen waits
 * for. Once its code is there it renders at once, without a Suspense fallback in between. If the
 * code cannot be fetched when it is needed (the app was updated and the old file is gone, or the
 * network dropped), the user is told to reload instead of the whole app going blank, which is
 * what an unhandled lazy failure does: the part renders nothing. A failed preload stays silent
 * and is tried again on use.
 */
export function lazyPart<P extends object>(
  load: () => Promise<ComponentType<P>>,
  options: LazyPartOptions = {},
): LazyPart<P> {
  const code = onDemand(load, options);
  function Part(props: P) {
    const app = useApp();
    if (code.current() === undefined) use(code.fetchForUse(app));
    const component = code.current();
    return component === undefined ? null : createElement(component, props);
  }
  return Object.assign(Part, { preload: code.preload });
}

/** A module of plain code (no component) fetched on demand: read it with `useLazyModule`. */
export type LazyModule<M> = OnDemand<M>;

/** Like `lazyPart`, for code a hook calls: the engine behind a view that opens on a click. */
export const lazyModule = <M>(
  load: () => Promise<M>,
  options: LazyPartOptions = {},
): LazyModule<M> => onDemand(load, options);

/**
 * The module once it is there; while `needed`, fetches it and renders again when it arrives.
 * Never suspends: the caller shows nothing of what the module computes until then.
 */
export function useLazyModule<M>(module: LazyModule<M>, needed: boolean): M | undefined {
  const app = useApp();
  const [, arrived] = useReducer((n: number) => n + 1, 0);
  const ready = module.current();
  useEffect(() => {
    if (needed && ready === undefined) void module.fetchForUse(app).then(arrived);
  }, [app, module, needed, ready]);
  return ready;
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
