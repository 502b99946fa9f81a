import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { firstMapShown } from '../../../src/app/firstMap';
import { openDatabase } from '../../../src/db/schema';
import { createApp, type App } from '../../../src/store/app';

function newApp(): App {
  return createApp({ db: openDatabase('first-map-test', new IDBFactory(), IDBKeyRange) });
}

/** Whether the promise has settled once pending callbacks ran. */
async function settled(promise: Promise<void>): Promise<boolean> {
  let done = false;
  void promise.then(() => {
    done = true;
  });
  await new Promise((resolve) => setTimeout(resolve, 0));
  return done;
}

describe('firstMapShown (what waits for the first map: the offline copy, idle parts)', () => {
  it('waits while a map is open but not drawn, and resolves when its first layout lands', async () => {
    const app = newApp();
    app.libraryStore.setState({ view: 'editor' });
    const shown = firstMapShown(app);
    expect(await settled(shown)).toBe(false);
    app.positionsStore.getState().setPositions('m-1', {}, {});
    expect(await settled(shown)).toBe(true);
  });

  it('resolves at once when the library shows instead of a map', async () => {
    const app = newApp();
    expect(app.libraryStore.getState().view).toBe('library');
    expect(await settled(firstMapShown(app))).toBe(true);
  });
});
