import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { getLastOpenedMapId, listMaps, loadMap, saveMap } from '../../../src/db/repository';
import { openDatabase } from '../../../src/db/schema';
import { listSnapshots } from '../../../src/db/snapshots';
import { createExampleMap } from '../../../src/domain/exampleMap';
import { createEmptyMap } from '../../../src/domain/factories';
import { asMapId } from '../../../src/domain/ids';
import { toFileObject } from '../../../src/io/json';

const T0 = '2026-01-01T00:00:00.000Z';

/** The database exactly as the app declared it before version history: version 1 only. */
function openVersion1(name: string, indexedDB: IDBFactory): Dexie {
  const db = new Dexie(name, { indexedDB, IDBKeyRange });
  db.version(1).stores({ maps: 'id, updatedAt', documents: 'id', settings: 'key' });
  return db;
}

describe('schema upgrade 1 → 2', () => {
  it('opens a version 1 database with every map, then keeps snapshots of it', async () => {
    const indexedDB = new IDBFactory();
    const maps = [createExampleMap(T0), createEmptyMap('Scratch', T0, asMapId('m-scratch'))];
    const old = openVersion1('upgrade', indexedDB);
    for (const doc of maps) {
      const counts = { goals: doc.goals.length, stakeholders: 0, conflicts: 0 };
      await old.table('maps').put({ ...doc.map, counts, revision: 3 });
      await old.table('documents').put({ id: doc.map.id, revision: 3, file: toFileObject(doc) });
    }
    await old.table('settings').put({ key: 'lastOpenedMapId', value: 'm-scratch' });
    expect(old.verno).toBe(1);
    old.close();

    const db = openDatabase('upgrade', indexedDB, IDBKeyRange);
    await db.open();
    expect(db.verno).toBe(3);
    expect((await listMaps(db)).map((m) => m.name).sort()).toEqual([
      'Northwind Analytics',
      'Scratch',
    ]);
    for (const doc of maps) {
      const loaded = await loadMap(db, doc.map.id);
      expect(loaded).toMatchObject({ status: 'ok', doc, revision: 3 });
    }
    expect(await getLastOpenedMapId(db)).toBe('m-scratch');

    // A version 1 row has no save time: its first save keeps it, dated by its last edit.
    const [example] = maps;
    if (!example) throw new Error('no example');
    await saveMap(db, { ...example, goals: [] }, 3, '2026-02-01T00:00:00.000Z');
    const [snapshot] = await listSnapshots(db, example.map.id);
    expect(snapshot).toMatchObject({ savedAt: T0, revision: 3, reason: 'pause' });
    db.close();
  });
});
