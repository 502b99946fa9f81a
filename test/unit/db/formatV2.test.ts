import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { loadMap, saveMap } from '../../../src/db/repository';
import { openDatabase } from '../../../src/db/schema';
import { createExampleMap } from '../../../src/domain/exampleMap';
import { v1Content, writeV1 } from '../io/v1Writer';

const T0 = '2026-01-01T00:00:00.000Z';

describe('a map stored in file format version 1', () => {
  it('opens migrated, stays version 1 on disk until the next edit, then is stored as version 2', async () => {
    const db = openDatabase('format-v2', new IDBFactory(), IDBKeyRange);
    const doc = v1Content(createExampleMap(T0));
    const stored = writeV1(doc);
    const counts = { goals: doc.goals.length, stakeholders: 0, conflicts: 0 };
    await db.maps.put({ ...doc.map, counts, revision: 3 });
    await db.documents.put({ id: doc.map.id, revision: 3, file: stored });

    const loaded = await loadMap(db, doc.map.id);
    expect(loaded).toMatchObject({ status: 'ok', doc, revision: 3, warnings: [] });
    expect((await db.documents.get(doc.map.id))?.file).toEqual(stored);

    await saveMap(db, doc, 3, '2026-02-01T00:00:00.000Z');
    expect((await db.documents.get(doc.map.id))?.file).toMatchObject({ version: 2 });
    db.close();
  });
});
