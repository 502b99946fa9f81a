import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMap, setLastOpenedMapId } from '../../../src/db/repository';
import { openDatabase, type CommonGroundDb } from '../../../src/db/schema';
import { createExampleMap } from '../../../src/domain/exampleMap';
import { createEmptyMap } from '../../../src/domain/factories';
import { asMapId } from '../../../src/domain/ids';
import { exportMapJson } from '../../../src/io/json';
import { formatProblem } from '../../../src/io/problems';
import { previewCsv } from '../../../src/store/csvPreview';
import {
  importCsvAsNewMap,
  openAsNewMap,
  replaceCurrentMap,
  updateCurrentMapFromCsv,
} from '../../../src/store/importExport';
import { closeImport, startImport, type ImportSource } from '../../../src/store/importSteps';
import { HOSTILE_FILES, OVERSIZED_BYTES } from '../../fixtures/hostile/hostileFiles';
import { dumpTables } from '../db/dumpTables';
import { createApp, type App } from '../../../src/store/app';

let app: App;
const T0 = '2026-01-01T00:00:00.000Z';
const example = createExampleMap(T0);
const scratch = createEmptyMap('Scratch', T0, asMapId('m-scratch'));

let db: CommonGroundDb;

function source(name: string, bytes: Uint8Array): ImportSource {
  return { name, size: bytes.length, arrayBuffer: () => Promise.resolve(bytes.slice().buffer) };
}
const jsonSource = (name: string, text: string) => source(name, new TextEncoder().encode(text));

function firstProblem(): string {
  const state = app.importStore.getState();
  if (state.step !== 'failed') throw new Error(`expected a failed import, got ${state.step}`);
  const first = state.problems[0];
  return first ? formatProblem(first) : '';
}

beforeEach(async () => {
  // The autosave binds to page-hide events; node has no page, so give it inert targets.
  vi.stubGlobal('window', new EventTarget());
  vi.stubGlobal('document', Object.assign(new EventTarget(), { visibilityState: 'visible' }));
  db = openDatabase('import-flow', new IDBFactory(), IDBKeyRange);
  app = createApp({ db });
  await createMap(db, example);
  await createMap(db, scratch);
  await setLastOpenedMapId(db, example.map.id);
  await app.libraryStore.getState().start();
  closeImport(app);
});
afterEach(async () => {
  // Deleting the open map closes its session, so no autosave outlives the test.
  const open = app.libraryStore.getState().openMapId;
  if (open) await app.libraryStore.getState().deleteMap(open);
  db.close();
  vi.unstubAllGlobals();
});

describe('import flow: hostile files', () => {
  it.each(HOSTILE_FILES)(
    '$name: says what is wrong and leaves every table byte for byte as it was',
    async ({ name, bytes, expected }) => {
      const before = await dumpTables(db);
      const openDoc = app.documentStore.getState().doc;
      await startImport(app, source(name, bytes()));
      expect(firstProblem()).toContain(expected);
      // Whatever the UI then does, there is nothing to store.
      await openAsNewMap(app);
      await replaceCurrentMap(app);
      expect(await dumpTables(db)).toBe(before);
      expect(app.documentStore.getState().doc).toBe(openDoc);
    },
    // Heavy, not timed: the limit only guards against a hang (past 5 s on a loaded machine).
    30_000,
  );

  it('refuses a file over the size limit without reading it', async () => {
    const read = vi.fn(() => Promise.resolve(new ArrayBuffer(0)));
    await startImport(app, { name: 'big.json', size: OVERSIZED_BYTES, arrayBuffer: read });
    expect(firstProblem()).toBe('file is 65.0 MB; the limit is 64 MB');
    expect(read).not.toHaveBeenCalled();
  });
});

describe('import flow: a valid map file', () => {
  it('waits for the choice, then opens the map as a new map under a fresh id when its id is taken', async () => {
    const renamed = { ...example, map: { ...example.map, name: 'Northwind (backup)' } };
    const before = await dumpTables(db);
    await startImport(app, jsonSource('backup.json', exportMapJson(renamed)));
    expect(app.importStore.getState().step).toBe('choose');
    expect(await dumpTables(db)).toBe(before);

    await openAsNewMap(app);
    const opened = app.documentStore.getState().doc;
    expect(opened?.map.name).toBe('Northwind (backup)');
    expect(opened?.map.id).not.toBe(example.map.id);
    expect(opened).toEqual({ ...renamed, map: { ...renamed.map, id: opened?.map.id } });
    expect(app.libraryStore.getState().openMapId).toBe(opened?.map.id);
    expect(app.sessionStore.getState().notice?.text).toContain('already in your library');
    expect(await db.maps.count()).toBe(3);
    expect(app.importStore.getState().step).toBe('idle');
  });

  it('replaces the open map as one undoable edit that keeps its id', async () => {
    const incoming = { ...scratch, map: { ...scratch.map, name: 'Replacement' } };
    await startImport(app, jsonSource('replacement.json', exportMapJson(incoming)));
    const original = app.documentStore.getState().doc;
    await replaceCurrentMap(app);
    const replaced = app.documentStore.getState().doc;
    expect(replaced?.map.id).toBe(example.map.id);
    expect(replaced?.map.createdAt).toBe(example.map.createdAt);
    expect(replaced?.map.name).toBe('Replacement');
    expect(replaced?.goals).toEqual([]);
    app.documentStore.getState().undo();
    expect(app.documentStore.getState().doc).toBe(original);
    expect(original).toEqual(example);
  });

  it('cancelling stores nothing', async () => {
    const before = await dumpTables(db);
    await startImport(app, jsonSource('copy.json', exportMapJson(example)));
    closeImport(app);
    await openAsNewMap(app);
    expect(app.importStore.getState().step).toBe('idle');
    expect(await dumpTables(db)).toBe(before);
  });
});

/** Goals of the example plus two new ones, as a spreadsheet would hold them. */
const mission = example.goals.find((g) => g.kind === 'mission');
const KPI_CSV = [
  'id,title,parent,kind,unit,current,target,direction',
  `${mission?.id ?? ''},${mission?.title ?? ''},,mission,,,,`,
  `o-new,"Delight admins, quickly",${mission?.id ?? ''},objective,,,,`,
  'k-new,Admin NPS,o-new,kpi,pts,31,45,up',
].join('\r\n');

function csvStep() {
  const state = app.importStore.getState();
  if (state.step !== 'csv') throw new Error(`expected the CSV preview, got ${state.step}`);
  return state.csv;
}

describe('import flow: CSV of goals', () => {
  it('previews rows to create and update before anything is stored, then makes a new map', async () => {
    const before = await dumpTables(db);
    await startImport(app, jsonSource('kpis.csv', KPI_CSV));
    const preview = previewCsv(csvStep(), app.documentStore.getState().doc, T0);
    expect(preview.rows.map((r) => [r.row, r.action])).toEqual([
      [2, 'unchanged'],
      [3, 'create'],
      [4, 'create'],
    ]);
    expect(previewCsv(csvStep(), null, T0).rows.every((r) => r.action === 'create')).toBe(true);
    expect(await dumpTables(db)).toBe(before);

    await importCsvAsNewMap(app, T0);
    const opened = app.documentStore.getState().doc;
    expect(opened?.map.name).toBe('kpis');
    expect(opened?.goals.map((g) => g.id)).toEqual([mission?.id, 'o-new', 'k-new']);
    expect(await db.maps.count()).toBe(3);
  });

  it('updates the open map by id: importing the file again adds nothing, and undo takes it back', async () => {
    const goalCount = example.goals.length;
    await startImport(app, jsonSource('kpis.csv', KPI_CSV));
    updateCurrentMapFromCsv(app);
    expect(app.documentStore.getState().doc?.goals.length).toBe(goalCount + 2);
    expect(app.sessionStore.getState().notice?.text).toContain('2 goals added');

    await startImport(app, jsonSource('kpis.csv', KPI_CSV));
    const again = previewCsv(csvStep(), app.documentStore.getState().doc, T0);
    expect(again.rows.every((r) => r.action === 'unchanged')).toBe(true);
    updateCurrentMapFromCsv(app);
    expect(app.documentStore.getState().doc?.goals.length).toBe(goalCount + 2);

    app.documentStore.getState().undo();
    expect(app.documentStore.getState().doc?.goals).toEqual(example.goals);
  });

  it('lists every problem with its row and column and offers no import', async () => {
    const broken = `${KPI_CSV}\r\nk-bad,Broken,nowhere,kpi,,abc,,\r\nloop-a,A,loop-b\r\nloop-b,B,loop-a`;
    await startImport(app, jsonSource('broken.csv', broken));
    const preview = previewCsv(csvStep(), null, T0);
    expect(preview.plan).toBe(null);
    expect(preview.problems.map((p) => p.path)).toEqual(
      expect.arrayContaining(['row 5, column "current"']),
    );
  });

  it('stores nothing from a file with a bad row, even when the other rows would apply', async () => {
    const before = await dumpTables(db);
    const openDoc = app.documentStore.getState().doc;
    const oneBadRow = `${KPI_CSV}\r\nk-bad,Broken,o-new,kpi,,abc,,`;
    await startImport(app, jsonSource('one-bad-row.csv', oneBadRow));
    await importCsvAsNewMap(app, T0);
    expect(firstProblem()).toContain('row 5, column "current"');
    await startImport(app, jsonSource('one-bad-row.csv', oneBadRow));
    updateCurrentMapFromCsv(app);
    expect(firstProblem()).toContain('row 5, column "current"');
    expect(await dumpTables(db)).toBe(before);
    expect(app.documentStore.getState().doc).toBe(openDoc);
  });
});
