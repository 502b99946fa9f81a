import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  registerServiceWorker,
  SERVICE_WORKER_URL,
  type ContainerLike,
  type RegistrationLike,
  type WorkerLike,
} from '../../../src/app/serviceWorker';

/** A service worker that moves through its states when told to, as the browser would move it. */
class FakeWorker extends EventTarget implements WorkerLike {
  state = 'installing';
  readonly messages: unknown[] = [];
  postMessage(message: unknown): void {
    this.messages.push(message);
  }
  moveTo(state: string): void {
    this.state = state;
    this.dispatchEvent(new Event('statechange'));
  }
}

class FakeRegistration extends EventTarget implements RegistrationLike {
  installing: FakeWorker | null = null;
  waiting: FakeWorker | null = null;
  readonly update = vi.fn(() => Promise.resolve());
  /** A new version was found and installs; it then waits, as the generated worker does. */
  install(): FakeWorker {
    const worker = new FakeWorker();
    this.installing = worker;
    this.dispatchEvent(new Event('updatefound'));
    this.installing = null;
    this.waiting = worker;
    worker.moveTo('installed');
    return worker;
  }
}

class FakeContainer extends EventTarget implements ContainerLike {
  constructor(
    public controller: object | null,
    readonly registration = new FakeRegistration(),
  ) {
    super();
  }
  readonly registered: string[] = [];
  register(scriptUrl: string): Promise<RegistrationLike> {
    this.registered.push(scriptUrl);
    return Promise.resolve(this.registration);
  }
  /** A worker took control of the page (it claimed it, or it was activated). */
  takeControl(): void {
    this.controller = {};
    this.dispatchEvent(new Event('controllerchange'));
  }
}

const CHECK_MS = 1000;

function start(container: FakeContainer, flush = vi.fn(() => Promise.resolve())) {
  const events: string[] = [];
  const offers: { apply(): Promise<void> }[] = [];
  const done = registerServiceWorker({
    container,
    flush: async () => {
      events.push('flush started');
      await flush();
      events.push('flushed');
    },
    reload: () => events.push('reload'),
    offer: (update) => offers.push(update),
    checkEveryMs: CHECK_MS,
  });
  return { done, events, offers };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('service worker registration', () => {
  it('registers the generated worker; its first install offers nothing and reloads nothing', async () => {
    const container = new FakeContainer(null);
    const { done, events, offers } = start(container);
    await done;
    expect(container.registered).toEqual([SERVICE_WORKER_URL]);
    container.registration.install();
    container.takeControl();
    expect(offers).toEqual([]);
    expect(events).toEqual([]);
  });

  it('offers a new version once it is installed, and waits for the user', async () => {
    const container = new FakeContainer({});
    const { done, events, offers } = start(container);
    await done;
    const next = container.registration.install();
    expect(offers).toHaveLength(1);
    expect(next.messages).toEqual([]);
    expect(events).toEqual([]);
  });

  it('offers a version that was already waiting when the page loaded', async () => {
    const container = new FakeContainer({});
    container.registration.waiting = new FakeWorker();
    const { done, offers } = start(container);
    await done;
    expect(offers).toHaveLength(1);
  });

  it('applying saves pending edits first, then activates the new version, then reloads', async () => {
    const container = new FakeContainer({});
    let finishSave = (): void => undefined;
    const saving = new Promise<void>((resolve) => {
      finishSave = resolve;
    });
    const { done, events, offers } = start(
      container,
      vi.fn(() => saving),
    );
    await done;
    const next = container.registration.install();
    const applied = offers[0]?.apply();
    await vi.advanceTimersByTimeAsync(0);
    expect(events).toEqual(['flush started']);
    expect(next.messages).toEqual([]);
    finishSave();
    await applied;
    expect(next.messages).toEqual([{ type: 'SKIP_WAITING' }]);
    expect(events).toEqual(['flush started', 'flushed']);
    container.takeControl();
    expect(events).toEqual(['flush started', 'flushed', 'reload']);
  });

  it('stays on this version when the pending edits cannot be saved', async () => {
    const container = new FakeContainer({});
    const failing = vi.fn(() => Promise.reject(new Error('Disk full')));
    const { done, events, offers } = start(container, failing);
    await done;
    const next = container.registration.install();
    await expect(offers[0]?.apply()).rejects.toThrow('Disk full');
    expect(next.messages).toEqual([]);
    expect(events).toEqual(['flush started']);
  });

  it('offers a reload when another tab switched to the new version, and never reloads by itself', async () => {
    const container = new FakeContainer({});
    const { done, events, offers } = start(container);
    await done;
    container.registration.install();
    container.registration.waiting = null;
    container.takeControl();
    expect(offers).toHaveLength(2);
    expect(events).toEqual([]);
    await offers[1]?.apply();
    expect(events).toEqual(['flush started', 'flushed', 'reload']);
  });

  it('asks for a new version on every interval, shrugging off a failed check', async () => {
    const container = new FakeContainer({});
    const { done } = start(container);
    await done;
    container.registration.update.mockRejectedValueOnce(new Error('offline'));
    await vi.advanceTimersByTimeAsync(CHECK_MS * 2);
    expect(container.registration.update).toHaveBeenCalledTimes(2);
  });
});
