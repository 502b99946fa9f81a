/** Timers a throttle runs on: the browser's, or a test's fake ones. */
export interface Timers {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  now: () => performance.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface Throttled<T> {
  (value: T): void;
  /** Drops a value still waiting (the session ends). */
  cancel(): void;
}

/**
 * Calls `send` at most once per `intervalMs`: the first value at once, then the latest value at
 * the end of each interval, so the last position always arrives and nothing in between piles up.
 */
export function throttle<T>(
  send: (value: T) => void,
  intervalMs: number,
  timers: Timers = realTimers,
): Throttled<T> {
  let last = -Infinity;
  let waiting: { value: T } | null = null;
  let timer: unknown = null;
  const flush = () => {
    timer = null;
    if (!waiting) return;
    const { value } = waiting;
    waiting = null;
    last = timers.now();
    send(value);
  };
  const throttled = (value: T) => {
    const since = timers.now() - last;
    if (since >= intervalMs && timer === null) {
      last = timers.now();
      send(value);
      return;
    }
    waiting = { value };
    if (timer === null) timer = timers.setTimeout(flush, Math.max(0, intervalMs - since));
  };
  throttled.cancel = () => {
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
    waiting = null;
  };
  return throttled;
}
