import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StoreApi } from 'zustand';
import {
  createMap,
  ensureStarterMaps,
  listMaps,
  loadMap,
  setLastOpenedMapId,
} from '../../../src/db/repository';
import { keepRenameDraft, readRenameDrafts } from '../../../src/db/renameDrafts';
import { openDatabase, type CommonGroundDb, type DocumentRow } from '../../../src/db/schema';
import { renameMap as renameCommand } from '../../../src/domain/commands';
import { createExampleMap } from '../../../src/domain/exampleMap';
import { createEmptyMap } from '../../../src/domain/factories';
import { asMapId, type MapId } from '../../../src/domain/ids';
import type { LibraryState } from '../../../src/store/libraryTypes';
import { createApp, type App } from '../../../src/store/app';
import { MemoryStorage } from '../db/memoryStorage';

let app: App;
const T0 = '2026-01-01T00:00:00.000Z';
const NORTHWIND = asMapId('m-northwind');

let db: CommonGroundDb;
let library: StoreApi<LibraryState>;
const lib = () => library.getState();
const docName = () => app.documentStore.getState().doc?.map.name;
const names = async () => (await listMaps(db)).map((m) => m.name).sort();

async function storedName(id: MapId): Promise<string> {
  const loaded = await loadMap(db, id);
  if (loaded.status !== 'ok') throw new Error(`${id} is ${loaded.status}`);
  return loaded.doc.map.name;
}

/** A stored map the importer refuses: it must be reported and never overwritten. */
async function storeBrokenMap(id: string): Promise<DocumentRow> {
  const row: DocumentRow = { id, revision: 7, file: { format: 'common-ground', version: 1 } };
  await db.documents.put(row);
  const counts = { goals: 0, stakeholders: 0, conflicts: 0 };
  await db.maps.put({ id, name: 'Broken', createdAt: T0, updatedAt: T0, counts, revision: 7 });
  return row;
}

async function startWithExample(): Promise<void> {
  await ensureStarterMaps(db, () => createExampleMap(T0));
  await lib().start();
}

beforeEach(() => {
  // The autosave binds to page-hide events; node has no page, so give it inert targets.
  vi.stubGlobal('window', new EventTarget());
  vi.stubGlobal('document', Object.assign(new EventTarget(), { visibilityState: 'visible' }));
  db = openDatabase('test', new IDBFactory(), IDBKeyRange);
  app = createApp({ db });
  app.sessionStore.getState().dismissNotice();
  library = app.libraryStore;
});
afterEach(async () => {
  // Deleting the open map is the one way to close its session, so no autosave outlives the test.
  const open = lib().openMapId;
  if (open) await lib().deleteMap(open);
  db.close();
  vi.unstubAllGlobals();
});

describe('library store: start', () => {
  it('opens the last-opened map in the editor and lists every map', async () => {
    await createMap(db, createEmptyMap('Side project', T0, asMapId('m-side')));
    await startWithExample();
    expect(lib()).toMatchObject({ view: 'editor', openMapId: NORTHWIND, listed: true });
    expect(docName()).toBe('Northwind Analytics');
    expect(
      lib()
        .maps.map((m) => m.summary.name)
        .sort(),
    ).toEqual(['Northwind Analytics', 'Side project']);
  });

  it('skips a last-opened map that fails validation, lists it as such and leaves it untouched', async () => {
    await createMap(db, createEmptyMap('Good', T0, asMapId('m-good')));
    const row = await storeBrokenMap('m-bad');
    await setLastOpenedMapId(db, asMapId('m-bad'));
    await lib().start();
    expect(lib().openMapId).toBe('m-good');
    const bad = lib().maps.find((m) => m.summary.id === 'm-bad');
    expect(bad?.problems.length).toBeGreaterThan(0);
    expect(app.sessionStore.getState().notice?.text).toContain('“Broken” cannot be opened');
    expect(await db.documents.get('m-bad')).toEqual(row);
  });

  it('ignores a last-opened id that is no longer stored', async () => {
    await createMap(db, createEmptyMap('Side project', T0, asMapId('m-side')));
    await setLastOpenedMapId(db, asMapId('m-gone'));
    await lib().start();
    expect(lib().openMapId).toBe('m-side');
    expect(app.sessionStore.getState().notice).toBeNull();
  });

  it('shows the library, empty, when there is no map at all', async () => {
    await lib().start();
    expect(lib()).toMatchObject({ view: 'library', openMapId: null, listed: true, maps: [] });
  });
});

describe('library store: starting points', () => {
  it('creates empty maps with distinct names and opens each', async () => {
    await startWithExample();
    await lib().createMap('empty');
    await lib().createMap('empty');
    expect(docName()).toBe('Untitled map 2');
    expect(lib().openMapId).toBe(app.documentStore.getState().doc?.map.id);
    expect(await names()).toEqual(['Northwind Analytics', 'Untitled map', 'Untitled map 2']);
  });

  it('creates a copy of the example under a fresh id each time', async () => {
    await startWithExample();
    await lib().createMap('example');
    const first = lib().openMapId;
    await lib().createMap('example');
    const second = lib().openMapId;
    expect(new Set([NORTHWIND, first, second]).size).toBe(3);
    expect(docName()).toBe('Northwind Analytics (example) 2');
    const copy = (await listMaps(db)).find((m) => m.id === second);
    expect(copy?.counts.goals).toBe(createExampleMap(T0).goals.length);
  });
});

describe('library store: rename and duplicate', () => {
  it('renames the open map through the document store, so the editor follows and undo works', async () => {
    await startWithExample();
    await lib().renameMap(NORTHWIND, '  Northwind 2027 ');
    expect(docName()).toBe('Northwind 2027');
    expect(await storedName(NORTHWIND)).toBe('Northwind 2027');
    expect(lib().maps[0]?.summary.name).toBe('Northwind 2027');
    app.documentStore.getState().undo();
    expect(docName()).toBe('Northwind Analytics');
  });

  it('renames a map that is not open in storage only, and refuses a blank name', async () => {
    await createMap(db, createEmptyMap('Side project', T0, asMapId('m-side')));
    await startWithExample();
    await lib().renameMap(asMapId('m-side'), 'Pricing review');
    expect(await storedName(asMapId('m-side'))).toBe('Pricing review');
    expect(docName()).toBe('Northwind Analytics');
    await lib().renameMap(asMapId('m-side'), '   ');
    expect(app.sessionStore.getState().notice).toMatchObject({ kind: 'error' });
    expect(await storedName(asMapId('m-side'))).toBe('Pricing review');
  });

  it('keeps a typed name on the device until it is stored; a reload that dropped the write stores it next start', async () => {
    vi.stubGlobal('localStorage', new MemoryStorage());
    await createMap(db, createEmptyMap('Side project', T0, asMapId('m-side')));
    await startWithExample();
    const renaming = lib().renameMap(asMapId('m-side'), ' Pricing review ');
    expect(readRenameDrafts()).toEqual([{ mapId: 'm-side', name: 'Pricing review' }]);
    await renaming;
    expect(readRenameDrafts()).toEqual([]);

    // As a page reloaded mid-rename leaves it: the name kept, the write never landed.
    keepRenameDraft({ mapId: 'm-side', name: 'Typed, then reloaded' });
    const next = createApp({ db });
    await next.libraryStore.getState().start();
    expect(await storedName(asMapId('m-side'))).toBe('Typed, then reloaded');
    expect(next.sessionStore.getState().notice?.text).toBe(
      'Renamed “Pricing review” to “Typed, then reloaded”.',
    );
    expect(readRenameDrafts()).toEqual([]);
    await next.libraryStore.getState().deleteMap(NORTHWIND);
  });

  it('duplicates the open map with its edits that were not saved yet', async () => {
    await startWithExample();
    app.documentStore.getState().apply((doc) => renameCommand(doc, 'Edited just now'));
    await lib().duplicateMap(NORTHWIND);
    expect(await names()).toEqual(['Edited just now', 'Edited just now (copy)']);
    expect(lib().openMapId).toBe(NORTHWIND);
  });
});

describe('library store: open', () => {
  it('saves the open map before switching to another', async () => {
    await createMap(db, createEmptyMap('Side project', T0, asMapId('m-side')));
    await startWithExample();
    app.documentStore.getState().apply((doc) => renameCommand(doc, 'Renamed before switching'));
    await lib().openMap(asMapId('m-side'));
    expect(docName()).toBe('Side project');
    expect(await storedName(NORTHWIND)).toBe('Renamed before switching');
  });

  it('reports a map that fails validation and keeps the current map open', async () => {
    await startWithExample();
    await storeBrokenMap('m-bad');
    await lib().refresh();
    await lib().openMap(asMapId('m-bad'));
    expect(lib()).toMatchObject({ openMapId: NORTHWIND });
    expect(docName()).toBe('Northwind Analytics');
    expect(lib().maps.find((m) => m.summary.id === 'm-bad')?.problems).not.toEqual([]);
  });
});

describe('library store: show the library', () => {
  it('lists the stored maps even when the open map cannot be written, and says why', async () => {
    await startWithExample();
    // Stored by another tab since the last listing: the library must still show it.
    await createMap(db, createEmptyMap('From another tab', T0, asMapId('m-other')));
    const full = vi.spyOn(db.documents, 'put').mockRejectedValue(new Error('Disk full'));
    app.documentStore.getState().apply((doc) => renameCommand(doc, 'Unsaved'));
    await lib().showLibrary();
    full.mockRestore();
    expect(lib()).toMatchObject({ view: 'library', listed: true, openMapId: NORTHWIND });
    expect(
      lib()
        .maps.map((m) => m.summary.name)
        .sort(),
    ).toEqual(['From another tab', 'Northwind Analytics']);
    expect(app.sessionStore.getState().notice?.text).toBe('Could not save the open map: Disk full');
  });
});

describe('library store: delete', () => {
  it('deletes a map and "Undo delete" in the notice restores it exactly', async () => {
    await createMap(db, createEmptyMap('Side project', T0, asMapId('m-side')));
    await startWithExample();
    const before = await db.documents.get('m-side');
    await lib().deleteMap(asMapId('m-side'));
    expect(await names()).toEqual(['Northwind Analytics']);
    const notice = app.sessionStore.getState().notice;
    expect(notice?.text).toBe('Deleted “Side project”.');
    expect(notice?.action?.label).toBe('Undo delete');
    notice?.action?.run();
    await lib().refresh();
    expect(await db.documents.get('m-side')).toEqual(before);
    expect(
      lib()
        .maps.map((m) => m.summary.name)
        .sort(),
    ).toEqual(['Northwind Analytics', 'Side project']);
    expect(lib().pendingDelete).toBeNull();
  });

  it('deleting the open map closes it, so later edits cannot bring it back', async () => {
    await startWithExample();
    await lib().deleteMap(NORTHWIND);
    expect(lib()).toMatchObject({ view: 'library', openMapId: null, maps: [] });
    app.documentStore.getState().apply((doc) => renameCommand(doc, 'Ghost'));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await listMaps(db)).toEqual([]);
    lib().showEditor();
    expect(lib().view).toBe('library');
  });

  it('undo brings back the deleted open map with its last edits', async () => {
    await startWithExample();
    app.documentStore.getState().apply((doc) => renameCommand(doc, 'Last edit'));
    await lib().deleteMap(NORTHWIND);
    await lib().undoDelete();
    expect(await storedName(NORTHWIND)).toBe('Last edit');
    await lib().openMap(NORTHWIND);
    expect(docName()).toBe('Last edit');
  });
});

describe('library store: flush', () => {
  it('writes the open map’s pending edit at once, before the autosave delay', async () => {
    await startWithExample();
    app.documentStore.getState().apply((doc) => renameCommand(doc, 'Saved by flush'));
    await lib().flush();
    expect(await storedName(NORTHWIND)).toBe('Saved by flush');
  });

  it('rejects when the write fails, so a caller about to reload can stay', async () => {
    await startWithExample();
    const full = vi.spyOn(db.documents, 'put').mockRejectedValue(new Error('Disk full'));
    app.documentStore.getState().apply((doc) => renameCommand(doc, 'Not written'));
    await expect(lib().flush()).rejects.toThrow('Disk full');
    full.mockRestore();
    expect(await storedName(NORTHWIND)).toBe('Northwind Analytics');
    await lib().flush();
    expect(await storedName(NORTHWIND)).toBe('Not written');
  });

  it('resolves when no map is open', async () => {
    await lib().start();
    expect(lib().openMapId).toBeNull();
    await expect(lib().flush()).resolves.toBeUndefined();
  });
});
