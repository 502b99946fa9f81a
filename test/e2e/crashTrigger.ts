import type { BrowserContext, Page } from 'playwright-core';

/**
 * Kills the browser from inside the page, at a moment tied to the app's own writes. The page
 * keeps a log of every save transaction of one map (its revision, the watched goal's title, and
 * whether it committed) and, when the armed moment comes, hands that log to node through a CDP
 * binding whose handler sends SIGKILL at once: the kill lands a millisecond or two later, which
 * is well inside a save of a large map. A kill from node after a round trip would mostly miss it.
 */

/** One save transaction of the watched map, as the page saw it when the kill was pulled. */
export interface LoggedWrite {
  readonly revision: number;
  /** The watched goal's title in the document written; null if the document put had not begun. */
  readonly title: string | null;
  readonly state: 'open' | 'complete' | 'abort';
}

/** What the page knew just before the kill. */
export interface PageMoment {
  readonly writes: readonly LoggedWrite[];
  /** What the save indicator said. */
  readonly saveStatus: string;
}

/**
 * When to kill. `write`: in the next save transaction of the map (or the one running now, if one
 * is), `delayMs` after the app put its `row` — the library row, which the app puts before the
 * document, or the document — where 0 means at once, before the page runs anything else; and
 * after a few seconds anyway if no save comes. `timer`: `delayMs` from now, wherever autosave is.
 */
export type CrashPlan =
  | { readonly trigger: 'write'; readonly row: 'library' | 'document'; readonly delayMs: number }
  | { readonly trigger: 'timer'; readonly delayMs: number };

/** Names the page scripts share: window properties and events. */
const PAGE = {
  /** The window property holding the write log. */
  log: '__commonGroundWrites',
  /** Dispatched (synchronously) after each put of the watched map; detail: the table. */
  putEvent: 'common-ground-test:put',
  /** Arms a CrashPlan; detail: the plan. */
  armEvent: 'common-ground-test:arm-crash',
  /** The binding that kills the browser. */
  binding: '__commonGroundCrash',
  /** How long a `write` plan waits for a save before it kills anyway. */
  fallbackMs: 3000,
};

/**
 * Init script: wraps IDBObjectStore#put to log the save transactions of the watched map.
 * Self-contained, because it is serialised into the page before the app's scripts run.
 */
function logWrites(setup: typeof PAGE & { mapId: string; goalId: string }): void {
  const get = (value: unknown, name: string): unknown =>
    typeof value === 'object' && value !== null ? Reflect.get(value, name) : undefined;
  const titleOf = (row: unknown): unknown => {
    const goals = get(get(row, 'file'), 'goals');
    const list: unknown[] = Array.isArray(goals) ? goals : [];
    return get(
      list.find((g) => get(g, 'id') === setup.goalId),
      'title',
    );
  };
  const log: { revision: unknown; title: unknown; state: string }[] = [];
  Reflect.set(window, setup.log, log);
  const byTransaction = new WeakMap<IDBTransaction, (typeof log)[number]>();
  const entryOf = (tx: IDBTransaction, row: unknown) => {
    const known = byTransaction.get(tx);
    if (known) return known;
    const entry: (typeof log)[number] = {
      revision: get(row, 'revision'),
      title: null,
      state: 'open',
    };
    byTransaction.set(tx, entry);
    log.push(entry);
    tx.addEventListener('complete', () => (entry.state = 'complete'));
    tx.addEventListener('abort', () => (entry.state = 'abort'));
    return entry;
  };
  const put: unknown = Object.getOwnPropertyDescriptor(IDBObjectStore.prototype, 'put')?.value;
  if (typeof put !== 'function') throw new Error('IDBObjectStore has no put');
  const logged = new Proxy(put, {
    apply(target, store: unknown, args: unknown[]): unknown {
      const row = args[0];
      const watched = store instanceof IDBObjectStore && get(row, 'id') === setup.mapId;
      if (watched) {
        const entry = entryOf(store.transaction, row);
        if (store.name === 'documents') entry.title = titleOf(row);
      }
      const request: unknown = Reflect.apply(target, store, args);
      if (watched) window.dispatchEvent(new CustomEvent(setup.putEvent, { detail: store.name }));
      return request;
    },
  });
  Object.defineProperty(IDBObjectStore.prototype, 'put', { value: logged });
}

/** Init script: pulls the kill binding, with the write log, when an armed CrashPlan says so. */
function triggerCrashes(setup: typeof PAGE): void {
  const get = (value: unknown, name: string): unknown =>
    typeof value === 'object' && value !== null ? Reflect.get(value, name) : undefined;
  const writes = (): unknown[] => {
    const log: unknown = Reflect.get(window, setup.log);
    return Array.isArray(log) ? log : [];
  };
  const crash = (): void => {
    const status = document.querySelector('[role="status"][aria-label="Save status"]');
    const kill: unknown = Reflect.get(window, setup.binding);
    const moment = { writes: writes(), saveStatus: status?.textContent ?? '' };
    if (typeof kill === 'function') void Reflect.apply(kill, window, [moment]);
  };
  const crashIn = (delayMs: number): void => {
    if (delayMs > 0) setTimeout(crash, delayMs);
    else crash();
  };
  /** The table whose put pulls the trigger, and when; null while no write plan is armed. */
  let armed: { table: string; delayMs: number } | null = null;
  let fallback: ReturnType<typeof setTimeout> | undefined;
  window.addEventListener(setup.armEvent, (event) => {
    const plan: unknown = event instanceof CustomEvent ? event.detail : null;
    const delayMs = Number(get(plan, 'delayMs'));
    // A save that began before the plan arrived (a busy page runs timers late) is the one.
    if (get(plan, 'trigger') === 'timer' || writes().some((e) => get(e, 'state') === 'open')) {
      crashIn(delayMs);
      return;
    }
    armed = { table: get(plan, 'row') === 'library' ? 'maps' : 'documents', delayMs };
    // If that save already ended, nothing else will come: kill anyway.
    fallback = setTimeout(crash, setup.fallbackMs);
  });
  window.addEventListener(setup.putEvent, (event) => {
    if (!armed || !(event instanceof CustomEvent) || event.detail !== armed.table) return;
    clearTimeout(fallback);
    crashIn(armed.delayMs);
    armed = null;
  });
}

const STATES: readonly LoggedWrite['state'][] = ['open', 'complete', 'abort'];

function toLoggedWrite(value: unknown): LoggedWrite {
  const get = (name: string): unknown =>
    typeof value === 'object' && value !== null ? Reflect.get(value, name) : undefined;
  const [revision, title] = [get('revision'), get('title')];
  const state = STATES.find((s) => s === get('state'));
  if (typeof revision !== 'number' || !state || (typeof title !== 'string' && title !== null)) {
    throw new Error(`Unreadable write log entry: ${JSON.stringify(value)}`);
  }
  return { revision, title, state };
}

function toMoment(value: unknown): PageMoment {
  const writes: unknown = typeof value === 'object' && value ? Reflect.get(value, 'writes') : [];
  const status: unknown =
    typeof value === 'object' && value ? Reflect.get(value, 'saveStatus') : '';
  if (!Array.isArray(writes) || typeof status !== 'string') {
    throw new Error(`Unreadable moment: ${JSON.stringify(value)}`);
  }
  return { writes: writes.map(toLoggedWrite), saveStatus: status };
}

/**
 * Instruments every page of `context` for the map `mapId`, watching the title of `goalId`.
 * `sigkill` must kill the browser synchronously; the returned promise resolves with what the page
 * knew, once it pulled the trigger armed by armCrash.
 */
export async function installCrashTrigger(
  context: BrowserContext,
  sigkill: () => void,
  watched: { readonly mapId: string; readonly goalId: string },
): Promise<{ readonly killed: Promise<PageMoment> }> {
  let pulled: (moment: unknown) => void = () => undefined;
  const killed = new Promise<unknown>((resolve) => (pulled = resolve)).then(toMoment);
  await context.exposeBinding(PAGE.binding, (_source, moment: unknown) => {
    sigkill();
    pulled(moment);
  });
  await context.addInitScript(logWrites, { ...PAGE, ...watched });
  await context.addInitScript(triggerCrashes, PAGE);
  return { killed };
}

/** Arms the kill; the promise from installCrashTrigger says when it landed. */
export async function armCrash(page: Page, plan: CrashPlan): Promise<void> {
  await page.evaluate(
    ({ armEvent, plan }) => window.dispatchEvent(new CustomEvent(armEvent, { detail: plan })),
    { armEvent: PAGE.armEvent, plan },
  );
}
