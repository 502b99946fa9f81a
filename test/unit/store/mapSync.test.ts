import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StoreApi } from 'zustand';
import { createMap, loadMap, saveMap } from '../../../src/db/repository';
import { openDatabase, type CommonGroundDb } from '../../../src/db/schema';
import { onUpgradeElsewhere } from '../../../src/db/watch';
import { addGoal, linkGoals, updateGoal } from '../../../src/domain/commands';
import { createExampleMap } from '../../../src/domain/exampleMap';
import { asGoalId, asLinkId, type GoalId, type MapId } from '../../../src/domain/ids';
import type { MapDocument } from '../../../src/domain/model';
import type { Result } from '../../../src/domain/result';
import type { LibraryState } from '../../../src/store/libraryTypes';
import { createApp, type App } from '../../../src/store/app';

let app: App;
const T0 = '2026-01-01T00:00:00.000Z';
const NAME = 'sync-test';

let factory: IDBFactory;
/** This tab's database handle (the app's) and another tab's, on the same stored database. */
let db: CommonGroundDb;
let otherTab: CommonGroundDb;
let library: StoreApi<LibraryState>;
let mapId: MapId;
const lib = () => library.getState();
const openDoc = (): MapDocument => {
  const doc = app.documentStore.getState().doc;
  if (!doc) throw new Error('no map is open');
  return doc;
};
const alertKind = () => app.sessionStore.getState().storageAlert?.kind;

function must(result: Result<MapDocument, unknown>): MapDocument {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

const goalAt = (i: number): GoalId => {
  const goal = createExampleMap(T0).goals[i];
  if (!goal) throw new Error(`the example map has no goal ${i}`);
  return goal.id;
};
const titleIn = (doc: MapDocument, goal: GoalId) => doc.goals.find((g) => g.id === goal)?.title;

async function storedDoc(from = otherTab): Promise<{ doc: MapDocument; revision: number }> {
  const loaded = await loadMap(from, mapId);
  if (loaded.status !== 'ok') throw new Error(`the map is ${loaded.status}`);
  return loaded;
}

/** What another tab does: read the stored map, change it, store it (compare-and-set). */
async function editInOtherTab(edit: (doc: MapDocument) => MapDocument): Promise<void> {
  const { doc, revision } = await storedDoc();
  const saved = await saveMap(otherTab, edit(doc), revision);
  if (saved.status !== 'saved') throw new Error('the other tab could not save');
}

/** An edit in this tab, through the editor's document store (so autosave sees it). */
function editHere(edit: (doc: MapDocument) => MapDocument): void {
  app.documentStore.getState().apply((doc) => ({ ok: true, value: edit(doc) }));
}

/** Writes what is pending; a write the sync refuses (a divergence, a deleted map) is expected here. */
const settle = () =>
  lib()
    .flush()
    .catch(() => undefined);

const retitle = (goal: GoalId, title: string) => (doc: MapDocument) =>
  must(updateGoal(doc, goal, { title }));

beforeEach(async () => {
  vi.stubGlobal('window', new EventTarget());
  vi.stubGlobal('document', Object.assign(new EventTarget(), { visibilityState: 'visible' }));
  factory = new IDBFactory();
  // Dexie's live queries (how a tab hears other tabs' writes) run only where it sees an IndexedDB.
  Dexie.dependencies.indexedDB = factory;
  Dexie.dependencies.IDBKeyRange = IDBKeyRange;
  db = openDatabase(NAME, factory, IDBKeyRange);
  otherTab = openDatabase(NAME, factory, IDBKeyRange);
  app = createApp({ db });
  app.sessionStore.getState().dismissNotice();
  library = app.libraryStore;
  const example = createExampleMap(T0);
  mapId = example.map.id;
  await createMap(db, example);
  await lib().start();
  expect(lib().openMapId).toBe(mapId);
});
afterEach(async () => {
  if (lib().openMapId && alertKind() === undefined) await lib().deleteMap(mapId);
  db.close();
  otherTab.close();
  vi.unstubAllGlobals();
});

/**
 * Both tabs know goals A and B; this tab links A up to B while the other links B up to A. Each
 * edit is fine alone, together they close a cycle: the tabs have diverged.
 */
async function linkBothWaysInTwoTabs(): Promise<void> {
  const [a, b] = [asGoalId('g-fresh-a'), asGoalId('g-fresh-b')];
  await editInOtherTab((doc) =>
    must(addGoal(must(addGoal(doc, { id: a, title: 'A' })), { id: b, title: 'B' })),
  );
  await vi.waitFor(() => expect(titleIn(openDoc(), b)).toBe('B'));
  editHere((doc) => must(linkGoals(doc, a, b, asLinkId('l-a-b'))));
  await editInOtherTab((doc) => must(linkGoals(doc, b, a, asLinkId('l-b-a'))));
  await settle();
  await vi.waitFor(() => expect(alertKind()).toBe('diverged'));
}

describe('two tabs on one map', () => {
  it('shows what another tab stored, without writing it back', async () => {
    await editInOtherTab(retitle(goalAt(1), 'From the other tab'));
    await vi.waitFor(() => expect(titleIn(openDoc(), goalAt(1))).toBe('From the other tab'));
    await settle();
    expect((await storedDoc()).revision).toBe(2);
  });

  it('merges edits of different goals made in both tabs at once', async () => {
    editHere(retitle(goalAt(1), 'Here'));
    await editInOtherTab(retitle(goalAt(2), 'There'));
    await settle();
    await vi.waitFor(async () => {
      const { doc } = await storedDoc();
      expect([titleIn(doc, goalAt(1)), titleIn(doc, goalAt(2))]).toEqual(['Here', 'There']);
    });
    expect([titleIn(openDoc(), goalAt(1)), titleIn(openDoc(), goalAt(2))]).toEqual([
      'Here',
      'There',
    ]);
  });

  it('keeps this tab’s title when both changed the same one, and names it', async () => {
    editHere(retitle(goalAt(1), 'Here'));
    await editInOtherTab(retitle(goalAt(1), 'There'));
    await settle();
    await vi.waitFor(async () => expect(titleIn((await storedDoc()).doc, goalAt(1))).toBe('Here'));
    expect(app.sessionStore.getState().notice?.text).toContain('“Here”');
  });

  it('stops writing a map another tab deleted, and can store it again', async () => {
    await otherTab.transaction('rw', [otherTab.maps, otherTab.documents], async () => {
      await otherTab.maps.delete(mapId);
      await otherTab.documents.delete(mapId);
    });
    await vi.waitFor(() => expect(alertKind()).toBe('deleted-elsewhere'));
    editHere(retitle(goalAt(1), 'Edited after the delete'));
    await settle();
    expect(await loadMap(otherTab, mapId)).toEqual({ status: 'missing', id: mapId });

    await lib().restoreOpenMap();
    const { doc } = await storedDoc();
    expect(titleIn(doc, goalAt(1))).toBe('Edited after the delete');
    expect(alertKind()).toBeUndefined();
  });

  it('asks which version to keep when the two together would close a cycle', async () => {
    await linkBothWaysInTwoTabs();
    const mine = openDoc();

    lib().takeOtherVersion();
    expect(openDoc().links.some((l) => l.id === asLinkId('l-b-a'))).toBe(true);
    app.documentStore.getState().undo();
    expect(openDoc()).toBe(mine);
    await settle();
    const { doc } = await storedDoc();
    expect(doc.links.some((l) => l.id === asLinkId('l-a-b'))).toBe(true);
    expect(doc.links.some((l) => l.id === asLinkId('l-b-a'))).toBe(false);
  });

  it('stores this tab’s version over the other’s when the user keeps it', async () => {
    await linkBothWaysInTwoTabs();

    lib().keepThisVersion();
    await settle();
    const { doc } = await storedDoc();
    expect(doc.links.map((l) => l.id)).toContain(asLinkId('l-a-b'));
    expect(doc.links.map((l) => l.id)).not.toContain(asLinkId('l-b-a'));
    expect(alertKind()).toBeUndefined();
  });
});

describe('another tab upgrading the database', () => {
  it('writes the pending edit, lets go of the database and says to reload', async () => {
    onUpgradeElsewhere(db, () => lib().suspendForUpgrade());
    editHere(retitle(goalAt(1), 'Written before the upgrade'));
    otherTab.close();
    const upgraded = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = factory.open(NAME, 1000);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('open failed'));
    });
    expect(app.sessionStore.getState().storageAlert).toEqual({
      kind: 'upgraded-elsewhere',
      saved: true,
    });
    const row = await new Promise<unknown>((resolve) => {
      const get = upgraded.transaction('documents').objectStore('documents').get(mapId);
      get.onsuccess = () => resolve(get.result);
    });
    upgraded.close();
    expect(JSON.stringify(row)).toContain('Written before the upgrade');
    editHere(retitle(goalAt(1), 'Not written'));
    await settle();
    expect(app.sessionStore.getState().saveStatus?.state).not.toBe('saving');
  });
});
