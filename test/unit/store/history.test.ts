import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadMap, saveMap, setLastOpenedMapId } from '../../../src/db/repository';
import { openDatabase, type CommonGroundDb } from '../../../src/db/schema';
import { listSnapshots } from '../../../src/db/snapshots';
import { addGoal } from '../../../src/domain/commands';
import { createExampleMap } from '../../../src/domain/exampleMap';
import { asGoalId } from '../../../src/domain/ids';
import type { MapDocument } from '../../../src/domain/model';
import { exportMapJson } from '../../../src/io/json';
import type { HistoryEntry } from '../../../src/store/historyData';
import { loadHistory, restoreSnapshot } from '../../../src/store/historyStore';
import { replaceCurrentMap } from '../../../src/store/importExport';
import { startImport } from '../../../src/store/importSteps';
import { createApp, type App } from '../../../src/store/app';

let app: App;
const T0 = Date.parse('2026-01-01T09:00:00.000Z');
const at = (minutes: number): string => new Date(T0 + minutes * 60_000).toISOString();

const example = createExampleMap(at(0));
const mapId = example.map.id;
/** The older version: the example before a goal was added. The newer one has the goal. */
const older = example;
const addedGoal = addGoal(example, { id: asGoalId('g-later'), title: 'Added after the pause' });
if (!addedGoal.ok) throw new Error(addedGoal.error.message);
const newer: MapDocument = addedGoal.value;

let db: CommonGroundDb;

const openDoc = (): MapDocument | null => app.documentStore.getState().doc;
const goalTitles = (doc: MapDocument | null) => doc?.goals.map((g) => g.title) ?? [];

async function listedEntries(): Promise<readonly HistoryEntry[]> {
  await loadHistory(app, mapId);
  const { entries, failure } = app.historyStore.getState();
  if (!entries) throw new Error(`history did not load: ${failure ?? 'no reason'}`);
  return entries;
}

beforeEach(async () => {
  // The autosave binds to page-hide events; node has no page, so give it inert targets.
  vi.stubGlobal('window', new EventTarget());
  vi.stubGlobal('document', Object.assign(new EventTarget(), { visibilityState: 'visible' }));
  db = openDatabase('history', new IDBFactory(), IDBKeyRange);
  app = createApp({ db });
  // Saved at 9:00, then edited again at 9:20: the 9:00 version is kept as a snapshot.
  await saveMap(db, older, undefined, at(0));
  await saveMap(db, newer, undefined, at(20));
  await setLastOpenedMapId(db, mapId);
  await app.libraryStore.getState().start();
});
afterEach(async () => {
  // Deleting the open map closes its session, so no autosave outlives the test.
  if (app.libraryStore.getState().openMapId) await app.libraryStore.getState().deleteMap(mapId);
  db.close();
  vi.unstubAllGlobals();
});

describe('History: restore and undo', () => {
  it('restores an older version as one undo step, and undo brings the current content back', async () => {
    const [snapshot] = await listedEntries();
    expect(snapshot?.check).toEqual({ state: 'readable' });
    const current = openDoc();
    expect(goalTitles(current)).toContain('Added after the pause');

    const outcome = await restoreSnapshot(app, snapshot?.snapshot.id ?? -1, at(30));
    expect(outcome.status).toBe('restored');
    const restored = openDoc();
    expect(restored?.map.id).toBe(mapId);
    expect({ ...restored, map: { ...restored?.map, updatedAt: older.map.updatedAt } }).toEqual(
      older,
    );

    // What was replaced is in History too, newest first, and survives a reload of the list.
    const entries = await listedEntries();
    expect(entries.map((e) => e.snapshot.reason)).toEqual(['before-restore', 'pause']);

    app.documentStore.getState().undo();
    expect(openDoc()).toBe(current);
    app.documentStore.getState().redo();
    expect(openDoc()).toBe(restored);
    app.documentStore.getState().undo();

    // Autosave stores where undo left the map.
    await app.libraryStore.getState().showLibrary();
    const stored = await loadMap(db, mapId);
    expect(stored.status === 'ok' && goalTitles(stored.doc)).toContain('Added after the pause');
  });

  it('restoring a version equal to the open map changes nothing', async () => {
    const [snapshot] = await listedEntries();
    await restoreSnapshot(app, snapshot?.snapshot.id ?? -1, at(30));
    const entries = await listedEntries();
    const copyOfCurrent = entries.find((e) => e.snapshot.reason === 'before-restore');
    app.documentStore.getState().undo();
    const outcome = await restoreSnapshot(app, copyOfCurrent?.snapshot.id ?? -1, at(31));
    expect(outcome).toEqual({ status: 'unchanged' });
  });

  it('a damaged snapshot is listed as damaged and never restored', async () => {
    const [snapshot] = await listSnapshots(db, mapId);
    if (!snapshot) throw new Error('expected a snapshot');
    await db.snapshotFiles.put({ id: snapshot.id, file: { format: 'common-ground', goals: 7 } });
    const [entry] = await listedEntries();
    expect(entry?.check.state).toBe('damaged');
    const before = openDoc();
    expect(await restoreSnapshot(app, snapshot.id, at(30))).toEqual({ status: 'damaged' });
    expect(openDoc()).toBe(before);
  });

  it('when the current content cannot be kept, nothing is restored', async () => {
    const [snapshot] = await listSnapshots(db, mapId);
    const full = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    vi.spyOn(db.snapshotFiles, 'put').mockRejectedValueOnce(full);
    const before = openDoc();
    const outcome = await restoreSnapshot(app, snapshot?.id ?? -1, at(30));
    expect(outcome).toMatchObject({ status: 'failed' });
    expect(openDoc()).toBe(before);
    expect(await listSnapshots(db, mapId)).toHaveLength(1);
  });

  it('replacing the open map with an imported file keeps the replaced content in History', async () => {
    const bytes = new TextEncoder().encode(
      exportMapJson({
        ...older,
        goals: [],
        links: [],
        incentives: [],
        conflicts: [],
        tradeOffs: [],
      }),
    );
    await startImport(app, {
      name: 'other.json',
      size: bytes.length,
      arrayBuffer: () => Promise.resolve(bytes.slice().buffer),
    });
    const before = openDoc();
    const replaced = await replaceCurrentMap(app);
    expect(replaced?.before).toBe(before);
    const [newest] = await listedEntries();
    expect(newest?.snapshot).toMatchObject({ reason: 'before-replace', counts: { goals: 27 } });
  });
});
