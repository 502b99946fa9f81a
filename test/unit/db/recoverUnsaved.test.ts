import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { journalKey, readJournal, writeJournal } from '../../../src/db/leaveJournal';
import { recoverUnsavedEdits } from '../../../src/db/recoverUnsaved';
import { createMap, loadMap, saveMap } from '../../../src/db/repository';
import { openDatabase, type CommonGroundDb } from '../../../src/db/schema';
import { listSnapshots } from '../../../src/db/snapshots';
import { createExampleMap } from '../../../src/domain/exampleMap';
import type { MapDocument } from '../../../src/domain/model';
import type { KeyValueStorage } from '../../../src/db/deviceStorage';
import { MemoryStorage } from './memoryStorage';

const example = createExampleMap('2026-01-01T00:00:00.000Z');
const named = (name: string): MapDocument => ({ ...example, map: { ...example.map, name } });
const key = journalKey(example.map.id, 'tab-1');

let db: CommonGroundDb;
let storage: MemoryStorage;
beforeEach(async () => {
  db = openDatabase('recover', new IDBFactory(), IDBKeyRange);
  storage = new MemoryStorage();
  await createMap(db, example);
});
afterEach(() => {
  db.close();
});

async function stored(): Promise<{ doc: MapDocument; revision: number }> {
  const loaded = await loadMap(db, example.map.id);
  if (loaded.status !== 'ok') throw new Error(loaded.status);
  return loaded;
}

describe('edits a tab left behind when it went away mid-save', () => {
  it('become the next version when nothing was stored since', async () => {
    writeJournal(key, named('Edited just before closing'), 1, storage);
    expect(await recoverUnsavedEdits(db, storage)).toEqual([
      { kind: 'stored', mapName: 'Edited just before closing' },
    ]);
    expect((await stored()).doc.map.name).toBe('Edited just before closing');
    expect((await stored()).revision).toBe(2);
    expect(readJournal(storage)).toEqual([]);
  });

  it('are dropped quietly when the save had landed after all', async () => {
    await saveMap(db, named('Saved after all'), 1);
    writeJournal(key, named('Saved after all'), 1, storage);
    expect(await recoverUnsavedEdits(db, storage)).toEqual([{ kind: 'already-stored' }]);
    expect((await stored()).revision).toBe(2);
  });

  it('go to History, and change nothing stored, when another tab saved a different version', async () => {
    await saveMap(db, named('From another tab'), 1);
    writeJournal(key, named('From the closed tab'), 1, storage);
    expect(await recoverUnsavedEdits(db, storage)).toEqual([
      { kind: 'kept-in-history', mapName: 'From the closed tab' },
    ]);
    expect((await stored()).doc.map.name).toBe('From another tab');
    const [kept] = await listSnapshots(db, example.map.id);
    expect(kept?.reason).toBe('recovered');
  });

  it('are not brought back for a map deleted meanwhile, and say why', async () => {
    writeJournal(journalKey(example.map.id, 'tab-2'), named('Gone'), 7, storage);
    await db.transaction('rw', [db.maps, db.documents], async () => {
      await db.maps.delete(example.map.id);
      await db.documents.delete(example.map.id);
    });
    const [recovery] = await recoverUnsavedEdits(db, storage);
    expect(recovery).toEqual({
      kind: 'dropped',
      reason: '“Gone” was deleted before its last edits were saved',
    });
    expect(await loadMap(db, example.map.id)).toMatchObject({ status: 'missing' });
    expect(readJournal(storage)).toEqual([]);
  });

  it('store a map whose first save never landed (a first visit’s example), as it was left', async () => {
    await db.transaction('rw', [db.maps, db.documents], async () => {
      await db.maps.delete(example.map.id);
      await db.documents.delete(example.map.id);
    });
    writeJournal(journalKey(example.map.id, 'tab-2'), named('Edited first'), 0, storage);
    const [recovery] = await recoverUnsavedEdits(db, storage);
    expect(recovery).toEqual({ kind: 'stored', mapName: 'Edited first' });
    expect((await stored()).doc.map.name).toBe('Edited first');
    expect(readJournal(storage)).toEqual([]);
  });

  it('are read through the importer: a damaged entry is dropped and removed', async () => {
    storage.setItem(`${key}-damaged`, '{"mapId": "m", "baseRevision": 1, "file": {"format": 1}}');
    storage.setItem(`${key}-garbage`, 'not json');
    storage.setItem('someone-else', 'left alone');
    const recoveries = await recoverUnsavedEdits(db, storage);
    expect(recoveries.map((r) => r.kind)).toEqual(['dropped', 'dropped']);
    expect([...storage.items.keys()]).toEqual(['someone-else']);
    expect((await stored()).revision).toBe(1);
  });

  it('are not written when the storage refuses them (too big, or switched off)', () => {
    const full: KeyValueStorage = {
      length: 0,
      key: () => null,
      getItem: () => null,
      removeItem: () => undefined,
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    };
    expect(writeJournal(key, example, 1, full)).toBe(false);
    expect(writeJournal(key, example, 1, null)).toBe(false);
  });
});
