import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { importIntoLibrary } from '../../../src/db/importMap';
import { createMap, listMaps, loadMap, setLastOpenedMapId } from '../../../src/db/repository';
import { openDatabase, type CommonGroundDb } from '../../../src/db/schema';
import { createExampleMap } from '../../../src/domain/exampleMap';
import { createEmptyMap } from '../../../src/domain/factories';
import { asGoalId, asLinkId, asMapId } from '../../../src/domain/ids';
import type { MapDocument } from '../../../src/domain/model';
import { dumpTables } from './dumpTables';

const T0 = '2026-01-01T00:00:00.000Z';

let db: CommonGroundDb;
let example: MapDocument;

beforeEach(async () => {
  db = openDatabase('import-test', new IDBFactory(), IDBKeyRange);
  example = createExampleMap(T0);
  await createMap(db, example);
  await createMap(db, createEmptyMap('Scratch', T0, asMapId('m-scratch')));
  await setLastOpenedMapId(db, example.map.id);
});

describe('importIntoLibrary', () => {
  it('stores a map whose id is free under that id, beside the others', async () => {
    const incoming = createEmptyMap('Imported', T0, asMapId('m-new'));
    const result = await importIntoLibrary(db, incoming);
    expect(result.ok && result.value.replacedId).toBe(null);
    const loaded = await loadMap(db, asMapId('m-new'));
    expect(loaded.status === 'ok' && loaded.doc).toEqual(incoming);
    expect((await listMaps(db)).map((m) => m.id).sort()).toEqual(
      ['m-new', 'm-scratch', example.map.id].sort(),
    );
  });

  it('gives a map a fresh id when its id is taken, says so, and leaves the stored map alone', async () => {
    const before = await loadMap(db, example.map.id);
    const renamed = { ...example, map: { ...example.map, name: 'Re-imported' } };
    const result = await importIntoLibrary(db, renamed);
    if (!result.ok) throw new Error('import refused');
    const { doc, replacedId, summary } = result.value;
    expect(replacedId).toBe(example.map.id);
    expect(doc.map.id).not.toBe(example.map.id);
    expect(summary.id).toBe(doc.map.id);
    expect(doc).toEqual({ ...renamed, map: { ...renamed.map, id: doc.map.id } });
    expect(await loadMap(db, example.map.id)).toEqual(before);
    const copy = await loadMap(db, doc.map.id);
    expect(copy.status === 'ok' && copy.doc).toEqual(doc);
  });

  it('refuses a document that breaks the invariants and stores nothing', async () => {
    const [first, second] = example.goals;
    if (!first || !second) throw new Error('example needs goals');
    const broken: MapDocument = {
      ...example,
      map: { ...example.map, id: asMapId('m-broken') },
      links: [
        ...example.links,
        { id: asLinkId('l-dangling'), from: asGoalId('g-nowhere'), to: first.id },
      ],
    };
    const before = await dumpTables(db);
    const result = await importIntoLibrary(db, broken);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error[0]?.message).toBe('unknown goal "g-nowhere"');
    expect(await dumpTables(db)).toBe(before);
  });

  it('rolls back the whole transaction when a write fails half-way', async () => {
    const before = await dumpTables(db);
    // The library row is written first; failing the document write must take it back too.
    db.documents.hook('creating', () => {
      throw new Error('disk full');
    });
    const incoming = createEmptyMap('Imported', T0, asMapId('m-new'));
    await expect(importIntoLibrary(db, incoming)).rejects.toThrow('disk full');
    expect(await dumpTables(db)).toBe(before);
  });
});
