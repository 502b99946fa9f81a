import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isNewDatabase } from '../../../src/db/newDatabase';
import {
  ensureStarterMaps,
  getLastOpenedMapId,
  loadMap,
  needsStarterMaps,
  saveMap,
  UNSAVED_REVISION,
} from '../../../src/db/repository';
import { openDatabase, type CommonGroundDb } from '../../../src/db/schema';
import { renameMap, updateGoal } from '../../../src/domain/commands';
import { createExampleMap } from '../../../src/domain/exampleMap';
import type { MapDocument } from '../../../src/domain/model';
import { createApp, type App } from '../../../src/store/app';
import { selectCanUndo } from '../../../src/store/documentStore';
import { createMapSync } from '../../../src/store/mapSync';

const T0 = '2026-01-01T00:00:00.000Z';
const example = createExampleMap(T0);
const [mission] = example.goals.filter((g) => g.kind === 'mission');
if (!mission) throw new Error('the example map needs a mission');

let factory: IDBFactory;
const opened: CommonGroundDb[] = [];

/**
 * What boot does on a first visit, with storage opening when `storageOpens` settles: the app's
 * database is handed out once the example is stored.
 */
function firstVisit(storageOpens: Promise<void>): {
  app: App;
  db: CommonGroundDb;
  started: Promise<void>;
} {
  let ready: (db: CommonGroundDb) => void = () => undefined;
  const app = createApp({
    db: new Promise<CommonGroundDb>((resolve) => (ready = resolve)),
    clock: () => T0,
  });
  const db = openDatabase('first-visit', factory, IDBKeyRange);
  opened.push(db);
  const started = app.libraryStore
    .getState()
    .startFirstVisit(example, async () => {
      await storageOpens;
      return db;
    })
    .then(() => ready(db));
  return { app, db, started };
}

async function storedDoc(db: CommonGroundDb): Promise<MapDocument> {
  const loaded = await loadMap(db, example.map.id);
  if (loaded.status !== 'ok') throw new Error(`the example is ${loaded.status}`);
  return loaded.doc;
}

beforeEach(() => {
  // The autosave binds to page-hide events; node has no page, so give it inert targets.
  vi.stubGlobal('window', new EventTarget());
  vi.stubGlobal('document', Object.assign(new EventTarget(), { visibilityState: 'visible' }));
  factory = new IDBFactory();
  // Dexie's live queries (the library's listing, the open map's watch) need to see IndexedDB.
  Dexie.dependencies.indexedDB = factory;
  Dexie.dependencies.IDBKeyRange = IDBKeyRange;
});
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
  vi.unstubAllGlobals();
});

describe('a first visit (no database yet)', () => {
  it('is told from a return visit by asking IndexedDB, without Dexie', async () => {
    expect(await isNewDatabase('common-ground', factory)).toBe(true);
    const db = openDatabase('common-ground', factory, IDBKeyRange);
    await db.open();
    expect(await isNewDatabase('common-ground', factory)).toBe(false);
    db.close();
    // A browser that cannot list its databases starts as on a return visit (storage first).
    expect(await isNewDatabase('common-ground', {})).toBe(false);
    const failing = { databases: () => Promise.reject(new Error('no storage')) };
    expect(await isNewDatabase('common-ground', failing)).toBe(false);
  });

  it('shows the example at once, top-down, said to be unsaved until storage opens', async () => {
    let storageOpens = (): void => undefined;
    const { app, db, started } = firstVisit(new Promise((resolve) => (storageOpens = resolve)));
    expect(app.libraryStore.getState()).toMatchObject({
      view: 'editor',
      openMapId: example.map.id,
    });
    expect(app.documentStore.getState().doc).toBe(example);
    expect(app.mapViewStore.getState()).toMatchObject({
      mapId: example.map.id,
      orientation: 'topDown',
    });
    expect(app.sessionStore.getState().saveStatus).toEqual({ state: 'pending' });

    storageOpens();
    await started;
    expect(await storedDoc(db)).toEqual(example);
    expect(await getLastOpenedMapId(db)).toBe(example.map.id);
    expect(await needsStarterMaps(db)).toBe(false);
    expect(app.sessionStore.getState().saveStatus).toMatchObject({ state: 'saved' });
    expect(app.libraryStore.getState().maps.map((m) => m.summary.name)).toEqual([example.map.name]);
    expect(app.sessionStore.getState().storageAlert).toBeNull();
  });

  it('is kept as it is by a tab that starts while its first save is stored but not claimed', async () => {
    const db = openDatabase('first-visit', factory, IDBKeyRange);
    opened.push(db);
    const edited = { ...example, map: { ...example.map, name: 'Edited on the first visit' } };
    await saveMap(db, edited, UNSAVED_REVISION);
    expect(await ensureStarterMaps(db, () => example)).toBe(example.map.id);
    expect((await storedDoc(db)).map.name).toBe('Edited on the first visit');
    expect(await needsStarterMaps(db)).toBe(false);
  });

  it('is not taken for a map deleted elsewhere while nothing is stored yet', async () => {
    const app = createApp({ db: openDatabase('unsaved', factory, IDBKeyRange) });
    const db = await app.db;
    opened.push(db);
    const stop = vi.fn();
    const events = { stop, diverge: vi.fn(), merged: vi.fn() };
    const open = { db, documentStore: app.documentStore };
    const unsaved = { doc: example, revision: UNSAVED_REVISION };
    // What the open map's watch says first, before the first save lands: nothing is stored.
    await createMapSync(open, example.map.id, unsaved, () => true, events).revisionChanged(null);
    expect(stop).not.toHaveBeenCalled();
    // A map that was stored and is gone now was deleted in another tab.
    await createMapSync(
      open,
      example.map.id,
      { doc: example, revision: 3 },
      () => true,
      events,
    ).revisionChanged(null);
    expect(stop).toHaveBeenCalledWith('deleted', 'This map was deleted in another tab.');
  });

  it('stores what was edited before storage opened, keeping the selection and undo', async () => {
    let storageOpens = (): void => undefined;
    const { app, db, started } = firstVisit(new Promise((resolve) => (storageOpens = resolve)));
    app.documentStore.getState().apply((doc) => renameMap(doc, 'Edited before storage'));
    const picked = [{ kind: 'goal', id: mission.id }] as const;
    app.sessionStore.getState().select(picked);

    storageOpens();
    await started;
    expect((await storedDoc(db)).map.name).toBe('Edited before storage');
    expect(app.sessionStore.getState().selection).toEqual(picked);
    expect(selectCanUndo(app.documentStore.temporal.getState())).toBe(true);
  });

  it('merges with a tab that stored the example first, overwriting nothing', async () => {
    let secondOpens = (): void => undefined;
    const first = firstVisit(Promise.resolve());
    const second = firstVisit(new Promise((resolve) => (secondOpens = resolve)));
    first.app.documentStore.getState().apply((doc) => renameMap(doc, 'Renamed in one tab'));
    const goalTitle = (doc: MapDocument | null | undefined) =>
      doc?.goals.find((g) => g.id === mission.id)?.title;
    second.app.documentStore
      .getState()
      .apply((doc) => updateGoal(doc, mission.id, { title: 'Retitled' }));
    await first.started;
    secondOpens();
    await second.started;
    await second.app.libraryStore.getState().flush();
    const db = first.db;
    const stored = await storedDoc(db);
    expect(stored.map.name).toBe('Renamed in one tab');
    expect(goalTitle(stored)).toBe('Retitled');
    expect(goalTitle(second.app.documentStore.getState().doc)).toBe('Retitled');
  });
});
