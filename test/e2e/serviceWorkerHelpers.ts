import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { preview } from 'vite';
import { dumpIndexedDb } from './importHelpers';

/**
 * Opens the app and waits until its service worker has installed (precached every file) and
 * controls the page: from then on the app needs no network.
 */
export async function visitUntilControlled(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

const NEXT_VERSION_MARKER = '\nself.commonGroundNextVersion = true;\n';

/**
 * The built app on a server of this test's own, which can "publish a new version": from then on
 * its sw.js differs by one marker line, which is all the browser needs to install an update. (A
 * route cannot stand in for this: the browser's update check for the worker script bypasses it.)
 */
export async function serveWithNextVersion() {
  let published = false;
  const server = await preview({
    logLevel: 'error',
    preview: { port: 0, host: '127.0.0.1', strictPort: false },
    plugins: [
      {
        name: 'common-ground-test-next-version',
        configurePreviewServer({ middlewares, config }) {
          middlewares.use((request, response, next) => {
            if (!published || request.url !== '/sw.js') {
              next();
              return;
            }
            const current = readFileSync(join(config.root, config.build.outDir, 'sw.js'), 'utf8');
            response.setHeader('Content-Type', 'text/javascript');
            response.end(current + NEXT_VERSION_MARKER);
          });
        },
      },
    ],
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a local URL');
  return {
    url,
    publish: () => {
      published = true;
    },
    close: () => server.close(),
  };
}

/** How many pages the new version's worker controls (0 while it waits). */
export async function pagesControlledByNewVersion(context: BrowserContext): Promise<number> {
  for (const worker of context.serviceWorkers()) {
    const isNew = await worker.evaluate(
      () => Reflect.get(self, 'commonGroundNextVersion') === true,
    );
    if (isNew) {
      return worker.evaluate(async () => {
        const clients: unknown = Reflect.get(self, 'clients');
        if (!(clients instanceof Clients)) throw new Error('not a service worker');
        return (await clients.matchAll()).length;
      });
    }
  }
  return 0;
}

/**
 * Lets the test see whether `text` is stored at the moment the app tells the waiting worker to
 * take over: the app's SKIP_WAITING message waits until IndexedDB has been read (null: no message).
 */
export async function storedAtSkipWaiting(
  page: Page,
  text: string,
): Promise<{ stored: boolean | null }> {
  const seen: { stored: boolean | null } = { stored: null };
  await page.exposeFunction('commonGroundTestBeforeSkipWaiting', async () => {
    seen.stored = (await dumpIndexedDb(page)).includes(text);
  });
  await page.addInitScript(() => {
    const post: unknown = Reflect.get(ServiceWorker.prototype, 'postMessage');
    if (typeof post !== 'function') return;
    Reflect.set(
      ServiceWorker.prototype,
      'postMessage',
      function (this: ServiceWorker, ...args: unknown[]): void {
        const before: unknown = Reflect.get(window, 'commonGroundTestBeforeSkipWaiting');
        const read: unknown = typeof before === 'function' ? Reflect.apply(before, window, []) : 0;
        void Promise.resolve(read).then((): unknown => Reflect.apply(post, this, args));
      },
    );
  });
  return seen;
}
