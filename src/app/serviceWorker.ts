/**
 * Registers the service worker that vite-plugin-pwa generates into the build (see vite.config.ts)
 * and offers each new version to the user instead of reloading by itself. Loaded on demand after
 * the first render, so none of this is in the JavaScript the first screen waits for.
 */

/** The service worker API we use, narrowed so unit tests can drive it with plain objects. */
export interface WorkerLike {
  readonly state: string;
  postMessage(message: unknown): void;
  addEventListener(type: 'statechange', listener: () => void): void;
}

export interface RegistrationLike {
  readonly installing: WorkerLike | null;
  readonly waiting: WorkerLike | null;
  addEventListener(type: 'updatefound', listener: () => void): void;
  update(): Promise<unknown>;
}

export interface ContainerLike {
  readonly controller: object | null;
  register(scriptUrl: string, options: { scope: string }): Promise<RegistrationLike>;
  addEventListener(type: 'controllerchange', listener: () => void): void;
}

export interface ServiceWorkerHost {
  readonly container: ContainerLike;
  /** Writes pending edits; rejects if that failed, and then nothing reloads. */
  readonly flush: () => Promise<void>;
  readonly reload: () => void;
  /** Shows the user that a new version is ready; `apply` is what "Reload to update" does. */
  readonly offer: (update: { apply(): Promise<void> }) => void;
  /** How often a long-open tab asks whether a new version was published. */
  readonly checkEveryMs: number;
}

export const SERVICE_WORKER_URL = '/sw.js';
/** The message the generated worker answers by calling skipWaiting(). */
const SKIP_WAITING = { type: 'SKIP_WAITING' };

/**
 * Registers the worker and watches for a new version. A new version waits (the generated worker
 * does not skip waiting) until `apply` runs: it flushes the open map first, and only then lets the
 * waiting worker take over and reloads once it controls the page.
 */
export async function registerServiceWorker(host: ServiceWorkerHost): Promise<void> {
  const { container } = host;
  const registration = await container.register(SERVICE_WORKER_URL, { scope: '/' });
  // The first install claims the page too; that is no new version, so it offers nothing.
  let controlled = container.controller !== null;
  let applying = false;

  const apply = async (): Promise<void> => {
    await host.flush();
    applying = true;
    const waiting = registration.waiting;
    // No waiting worker: another tab already switched to the new version; this one only reloads.
    if (waiting) waiting.postMessage(SKIP_WAITING);
    else host.reload();
  };
  const offer = (): void => {
    host.offer({ apply });
  };

  container.addEventListener('controllerchange', () => {
    if (applying) host.reload();
    // Another tab applied an update: this page still runs the old version, whose files are gone.
    else if (controlled) offer();
    controlled = true;
  });
  const watch = (worker: WorkerLike): void => {
    worker.addEventListener('statechange', () => {
      if (worker.state === 'installed' && controlled) offer();
    });
  };
  registration.addEventListener('updatefound', () => {
    if (registration.installing) watch(registration.installing);
  });
  if (registration.waiting && controlled) offer();

  setInterval(() => {
    // Offline, or the server is away: the next check tries again.
    registration.update().catch(() => undefined);
  }, host.checkEveryMs);
}
