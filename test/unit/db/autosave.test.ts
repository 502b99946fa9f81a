import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createAutosaver,
  describeSaveError,
  isQuotaExceeded,
  type SaveStatus,
} from '../../../src/db/autosave';
import { bindFlushOnHide } from '../../../src/db/flushOnHide';

const DELAY = 500;

/** A save function whose writes finish only when the test says so. */
function controlledSave() {
  const written: number[] = [];
  const waiting: { value: number; resolve: () => void; reject: (e: Error) => void }[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const save = (value: number): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      const done = (): void => {
        inFlight -= 1;
      };
      waiting.push({
        value,
        resolve: () => {
          done();
          written.push(value);
          resolve();
        },
        reject: (e) => {
          done();
          reject(e);
        },
      });
    });
  return { save, written, waiting, maxInFlight: () => maxInFlight };
}

function setup(save: (value: number) => Promise<void>) {
  const statuses: SaveStatus[] = [];
  const autosaver = createAutosaver<number>({
    save,
    delayMs: DELAY,
    onStatus: (s) => statuses.push(s),
  });
  return { autosaver, statuses, last: () => statuses.at(-1) };
}

const quotaError = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('createAutosaver', () => {
  it('coalesces 100 schedules into one write of the latest value', async () => {
    const save = vi.fn<(value: number) => Promise<void>>(() => Promise.resolve());
    const { autosaver, last } = setup(save);
    for (let i = 1; i <= 100; i++) {
      autosaver.schedule(i);
      await vi.advanceTimersByTimeAsync(DELAY / 10);
    }
    expect(save).not.toHaveBeenCalled();
    expect(last()).toEqual({ state: 'pending' });
    const writeTime = Date.now() + DELAY - DELAY / 10;
    await vi.advanceTimersByTimeAsync(DELAY);
    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenCalledWith(100);
    expect(last()).toEqual({ state: 'saved', at: writeTime });
  });

  it('flush writes immediately and resolves once persisted', async () => {
    const saves = controlledSave();
    const { autosaver, last } = setup(saves.save);
    autosaver.schedule(1);
    const flushed = autosaver.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(last()).toEqual({ state: 'saving' });
    expect(saves.waiting.map((w) => w.value)).toEqual([1]);
    saves.waiting[0]?.resolve();
    await flushed;
    expect(saves.written).toEqual([1]);
    expect(last()?.state).toBe('saved');
  });

  it('never runs two writes at once and writes the newest value after an in-flight one', async () => {
    const saves = controlledSave();
    const { autosaver } = setup(saves.save);
    autosaver.schedule(1);
    await vi.advanceTimersByTimeAsync(DELAY);
    expect(saves.waiting).toHaveLength(1);

    autosaver.schedule(2);
    autosaver.schedule(3);
    const flushed = autosaver.flush();
    await vi.advanceTimersByTimeAsync(DELAY * 2);
    expect(saves.waiting).toHaveLength(1);

    saves.waiting[0]?.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(saves.waiting.map((w) => w.value)).toEqual([1, 3]);
    saves.waiting[1]?.resolve();
    await flushed;
    expect(saves.written).toEqual([1, 3]);
    expect(saves.maxInFlight()).toBe(1);
  });

  it('flush with nothing scheduled writes nothing', async () => {
    const save = vi.fn<(value: number) => Promise<void>>(() => Promise.resolve());
    const { autosaver, statuses } = setup(save);
    await autosaver.flush();
    expect(save).not.toHaveBeenCalled();
    expect(statuses).toEqual([]);
  });

  it('reports a quota error, keeps the value and persists the latest one on the next flush', async () => {
    const stored: number[] = [];
    let failNext = true;
    const save = (value: number): Promise<void> => {
      if (failNext) {
        failNext = false;
        return Promise.reject(quotaError());
      }
      stored.push(value);
      return Promise.resolve();
    };
    const { autosaver, last } = setup(save);
    autosaver.schedule(1);
    await vi.advanceTimersByTimeAsync(DELAY);
    expect(last()).toEqual({
      state: 'error',
      error: expect.stringContaining('no storage space') as unknown,
      quota: true,
    });
    expect(stored).toEqual([]);

    await autosaver.flush();
    expect(stored).toEqual([1]);
    expect(last()?.state).toBe('saved');
  });

  it('recognises a QuotaExceededError wrapped like Dexie does and rejects the failed flush', async () => {
    const wrapped = Object.assign(new Error('Transaction aborted'), {
      name: 'AbortError',
      inner: quotaError(),
    });
    const stored: number[] = [];
    let fail = true;
    const save = (value: number): Promise<void> => {
      if (fail) return Promise.reject(wrapped);
      stored.push(value);
      return Promise.resolve();
    };
    const { autosaver, last } = setup(save);
    autosaver.schedule(1);
    await expect(autosaver.flush()).rejects.toBe(wrapped);
    expect(last()).toEqual({ state: 'error', error: describeSaveError(quotaError()), quota: true });

    autosaver.schedule(2);
    fail = false;
    await autosaver.flush();
    expect(stored).toEqual([2]);
  });

  it('keeps a value scheduled during a failing write rather than the failed one', async () => {
    const saves = controlledSave();
    const { autosaver } = setup(saves.save);
    autosaver.schedule(1);
    const first = autosaver.flush();
    await vi.advanceTimersByTimeAsync(0);
    autosaver.schedule(2);
    saves.waiting[0]?.reject(new Error('disk on fire'));
    await expect(first).rejects.toThrow('disk on fire');

    const second = autosaver.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(saves.waiting.map((w) => w.value)).toEqual([1, 2]);
    saves.waiting[1]?.resolve();
    await second;
    expect(saves.written).toEqual([2]);
  });

  it('tries a failed write again by itself, waiting longer after each failure', async () => {
    let failures = 2;
    const attempts: number[] = [];
    const save = (): Promise<void> => {
      attempts.push(Date.now());
      if (failures-- > 0) return Promise.reject(new Error('disk busy'));
      return Promise.resolve();
    };
    const statuses: SaveStatus[] = [];
    const autosaver = createAutosaver<number>({
      save,
      delayMs: DELAY,
      onStatus: (status) => statuses.push(status),
      retryDelaysMs: [1_000, 4_000],
    });
    const start = Date.now();
    autosaver.schedule(1);
    await vi.advanceTimersByTimeAsync(DELAY + 1_000 + 4_000);
    expect(attempts.map((t) => t - start)).toEqual([DELAY, DELAY + 1_000, DELAY + 5_000]);
    expect(statuses.at(-1)?.state).toBe('saved');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(attempts).toHaveLength(3);
  });

  it('stops retrying once disposed', async () => {
    const save = vi.fn<(value: number) => Promise<void>>(() => Promise.reject(new Error('no')));
    const autosaver = createAutosaver<number>({
      save,
      delayMs: DELAY,
      onStatus: () => undefined,
      retryDelaysMs: [1_000],
    });
    autosaver.schedule(1);
    await vi.advanceTimersByTimeAsync(DELAY);
    autosaver.dispose();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('tells what is not stored yet: the waiting value, or the one being written', async () => {
    const saves = controlledSave();
    const { autosaver } = setup(saves.save);
    expect(autosaver.unsaved()).toBeNull();
    autosaver.schedule(1);
    expect(autosaver.unsaved()).toEqual({ value: 1 });
    const flushed = autosaver.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(autosaver.unsaved()).toEqual({ value: 1 });
    autosaver.schedule(2);
    expect(autosaver.unsaved()).toEqual({ value: 2 });
    saves.waiting[0]?.resolve();
    await vi.advanceTimersByTimeAsync(0);
    saves.waiting[1]?.resolve();
    await flushed;
    expect(autosaver.unsaved()).toBeNull();
  });

  it('dispose cancels the pending timer', async () => {
    const save = vi.fn<(value: number) => Promise<void>>(() => Promise.resolve());
    const { autosaver } = setup(save);
    autosaver.schedule(1);
    autosaver.dispose();
    autosaver.schedule(2);
    await vi.advanceTimersByTimeAsync(DELAY * 2);
    expect(save).not.toHaveBeenCalled();
  });
});

describe('describeSaveError', () => {
  it.each([
    ['Chromium, Safari and Firefox', new DOMException('full', 'QuotaExceededError')],
    ['older Firefox', new DOMException('full', 'NS_ERROR_DOM_QUOTA_REACHED')],
    ['older Firefox IndexedDB', new DOMException('full', 'NS_ERROR_DOM_INDEXEDDB_QUOTA_ERR')],
    [
      'Dexie, as the inner error of an AbortError',
      Object.assign(new Error('aborted'), { name: 'AbortError', inner: quotaError() }),
    ],
    ['a cause chain', new Error('write failed', { cause: quotaError() })],
  ])('recognises a full quota named as %s', (_where, error) => {
    expect(isQuotaExceeded(error)).toBe(true);
    expect(describeSaveError(error)).toContain('no storage space');
  });

  it('does not call every failure a full disk', () => {
    expect(isQuotaExceeded(new DOMException('gone', 'UnknownError'))).toBe(false);
    expect(
      isQuotaExceeded(Object.assign(new Error('x'), { name: 'AbortError', inner: null })),
    ).toBe(false);
  });

  it('passes other messages through readably', () => {
    expect(describeSaveError(new Error('boom'))).toBe('Could not save the map: boom');
    expect(describeSaveError('plain')).toBe('Could not save the map: plain');
  });
});

describe('bindFlushOnHide', () => {
  function fakeTarget() {
    const listeners = new Map<string, Set<() => void>>();
    return {
      visibilityState: 'visible',
      addEventListener(type: string, l: () => void) {
        const set = listeners.get(type) ?? new Set();
        set.add(l);
        listeners.set(type, set);
      },
      removeEventListener(type: string, l: () => void) {
        listeners.get(type)?.delete(l);
      },
      fire(type: string) {
        for (const l of listeners.get(type) ?? []) l();
      },
    };
  }

  it('flushes on pagehide and when the document becomes hidden, until unbound', () => {
    const flush = vi.fn(() => Promise.resolve());
    const page = fakeTarget();
    const visibility = fakeTarget();
    const unbind = bindFlushOnHide({ flush }, { page, visibility });

    visibility.fire('visibilitychange');
    expect(flush).not.toHaveBeenCalled();
    visibility.visibilityState = 'hidden';
    visibility.fire('visibilitychange');
    page.fire('pagehide');
    expect(flush).toHaveBeenCalledTimes(2);

    unbind();
    visibility.fire('visibilitychange');
    page.fire('pagehide');
    expect(flush).toHaveBeenCalledTimes(2);
  });
});
