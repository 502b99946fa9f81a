/**
 * Debounced autosave. Only the newest value is ever written, writes never overlap, and a failed
 * write keeps its value so the next schedule or flush retries it: nothing is lost silently.
 * Free of DOM so it runs (and is tested) anywhere; see flushOnHide.ts for the page binding.
 */

/** What the save indicator shows. `at` is epoch milliseconds of the last successful write. */
export type SaveStatus =
  | { readonly state: 'saved'; readonly at: number }
  | { readonly state: 'pending' }
  | { readonly state: 'saving' }
  | {
      readonly state: 'error';
      readonly error: string;
      /** The browser has no room left: the user must free space or export, a retry alone won't do. */
      readonly quota: boolean;
    };

export interface AutosaverOptions<T> {
  readonly save: (value: T) => Promise<void>;
  /** Quiet time after the last change before writing. */
  readonly delayMs: number;
  readonly onStatus: (status: SaveStatus) => void;
  /**
   * Waits before writing again after a failed write, one per failure in a row (the last repeats),
   * so a disk that was full a moment ago is tried again without anyone typing.
   */
  readonly retryDelaysMs?: readonly number[];
}

export interface Autosaver<T> {
  /** Remembers `value` as the newest one and writes it once changes pause for `delayMs`. */
  schedule(value: T): void;
  /** Writes the newest value now; resolves once it is stored, rejects if the write failed. */
  flush(): Promise<void>;
  /**
   * The newest value not known to be stored yet (waiting, or being written), if any: what a page
   * that is going away must keep somewhere else.
   */
  unsaved(): { readonly value: T } | null;
  /** Stops the timer and ignores later schedules; a write already running still finishes. */
  dispose(): void;
}

/**
 * How browsers name a full quota: the standard DOMException name (Chromium, Safari, Firefox), and
 * the names older Firefox versions used. Dexie wraps them (AbortError with `inner`) or maps them
 * to its own QuotaExceededError, which has the standard name.
 */
const QUOTA_ERROR_NAMES = new Set([
  'QuotaExceededError',
  'NS_ERROR_DOM_QUOTA_REACHED',
  'NS_ERROR_DOM_INDEXEDDB_QUOTA_ERR',
  'NS_ERROR_FILE_NO_DEVICE_SPACE',
]);

export const DEFAULT_RETRY_DELAYS_MS = [2_000, 5_000, 15_000, 30_000];

interface ErrorLike {
  readonly name?: unknown;
  readonly message?: unknown;
  readonly inner?: unknown;
  readonly cause?: unknown;
}

const isErrorLike = (v: unknown): v is ErrorLike => typeof v === 'object' && v !== null;

/** Dexie wraps the browser's error (e.g. an AbortError whose `inner` is the QuotaExceededError). */
export function isQuotaExceeded(error: unknown, depth = 0): boolean {
  if (!isErrorLike(error) || depth > 5) return false;
  if (typeof error.name === 'string' && QUOTA_ERROR_NAMES.has(error.name)) return true;
  return isQuotaExceeded(error.inner, depth + 1) || isQuotaExceeded(error.cause, depth + 1);
}

/** A sentence the save indicator can show as is. */
export function describeSaveError(error: unknown): string {
  if (isQuotaExceeded(error)) {
    return 'The browser has no storage space left for this map. Export it to a file, then delete maps you no longer need.';
  }
  const message =
    isErrorLike(error) && typeof error.message === 'string' ? error.message : String(error);
  return `Could not save the map: ${message || 'unknown error'}`;
}

export function createAutosaver<T>({
  save,
  delayMs,
  onStatus,
  retryDelaysMs = DEFAULT_RETRY_DELAYS_MS,
}: AutosaverOptions<T>): Autosaver<T> {
  // Boxed so that `undefined` can be a legitimate value to save.
  let pending: { readonly value: T } | null = null;
  // The value being written right now; it counts as unsaved until the write succeeds.
  let inFlight: { readonly value: T } | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let writing: Promise<void> | null = null;
  let disposed = false;
  let failuresInARow = 0;

  const clearTimer = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };

  // Keeps writing until nothing newer arrived during the last write.
  async function writePending(): Promise<void> {
    while (pending) {
      const { value } = pending;
      inFlight = pending;
      pending = null;
      onStatus({ state: 'saving' });
      try {
        await save(value);
      } catch (error) {
        // A value scheduled during the failed write is newer; otherwise keep this one for the retry.
        pending ??= { value };
        inFlight = null;
        onStatus({
          state: 'error',
          error: describeSaveError(error),
          quota: isQuotaExceeded(error),
        });
        retryLater();
        throw error;
      }
    }
    inFlight = null;
    failuresInARow = 0;
    onStatus({ state: 'saved', at: Date.now() });
  }

  function startTimer(ms: number): void {
    clearTimer();
    timer = setTimeout(() => {
      // The failure is already reported through onStatus; the value stays pending for a retry.
      persist().catch(() => undefined);
    }, ms);
  }

  function retryLater(): void {
    if (disposed || retryDelaysMs.length === 0) return;
    const delay = retryDelaysMs[Math.min(failuresInARow, retryDelaysMs.length - 1)];
    failuresInARow += 1;
    if (delay !== undefined) startTimer(delay);
  }

  async function persist(): Promise<void> {
    clearTimer();
    // Waiting in a loop (not once) keeps a single writer even when several callers wake together.
    while (writing) await writing;
    if (!pending) return;
    const run = writePending();
    writing = run;
    try {
      await run;
    } finally {
      writing = null;
    }
  }

  return {
    schedule(value) {
      if (disposed) return;
      pending = { value };
      onStatus({ state: 'pending' });
      startTimer(delayMs);
    },
    flush: persist,
    unsaved: () => pending ?? inFlight,
    dispose() {
      disposed = true;
      clearTimer();
    },
  };
}
