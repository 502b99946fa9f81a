import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getOrientation, setOrientation } from '../../../src/db/mapView';
import { deleteMap, duplicateMap, loadMap, restoreMap, saveMap } from '../../../src/db/repository';
import { openDatabase, type CommonGroundDb } from '../../../src/db/schema';
import { createExampleMap } from '../../../src/domain/exampleMap';
import { toFileObject } from '../../../src/io/json';

const T0 = '2026-01-01T00:00:00.000Z';
const doc = createExampleMap(T0);
const id = doc.map.id;

let db: CommonGroundDb;
beforeEach(() => {
  db = openDatabase('test', new IDBFactory(), IDBKeyRange);
});
afterEach(() => {
  db.close();
});

describe('a map’s orientation on this device', () => {
  it('is top-down until switched, then survives saves, a delete undone, and is not in the file', async () => {
    await saveMap(db, doc);
    expect(await getOrientation(db, id)).toBe('topDown');
    await setOrientation(db, id, 'leftRight');
    await saveMap(db, { ...doc, map: { ...doc.map, name: 'Renamed' } });
    expect(await getOrientation(db, id)).toBe('leftRight');
    const deleted = await deleteMap(db, id);
    expect(await getOrientation(db, id)).toBe('topDown');
    if (deleted) await restoreMap(db, deleted);
    expect(await getOrientation(db, id)).toBe('leftRight');
    const stored = await db.documents.get(id);
    expect(JSON.stringify(stored?.file)).not.toContain('leftRight');
    expect(stored?.file).toEqual(toFileObject({ ...doc, map: { ...doc.map, name: 'Renamed' } }));
    expect((await loadMap(db, id)).status).toBe('ok');
  });

  it('goes with a copy of the map', async () => {
    await saveMap(db, doc);
    await setOrientation(db, id, 'leftRight');
    const copied = await duplicateMap(db, id, T0);
    if (copied.status !== 'ok') throw new Error(copied.status);
    expect(copied.summary.id).not.toBe(id);
    expect(await getOrientation(db, copied.summary.id)).toBe('leftRight');
  });

  it('reads a row that says something else as top-down', async () => {
    await saveMap(db, doc);
    await db.maps
      .toCollection()
      .modify((row) => void Object.assign(row, { orientation: 'diagonal' }));
    expect(await getOrientation(db, id)).toBe('topDown');
  });
});
