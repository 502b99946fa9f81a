import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createEmptyMap,
  newConflict,
  newGoal,
  newIncentive,
  newLink,
  newStakeholder,
} from '../../../src/domain/factories';
import {
  asConflictId,
  asGoalId,
  asMapId,
  asStakeholderId,
  type MapId,
} from '../../../src/domain/ids';
import type { MapDocument } from '../../../src/domain/model';
import {
  createMap,
  deleteMap,
  duplicateMap,
  ensureStarterMaps,
  getLastOpenedMapId,
  listMaps,
  loadMap,
  renameMap,
  restoreMap,
  saveMap,
  setLastOpenedMapId,
} from '../../../src/db/repository';
import {
  openDatabase,
  type CommonGroundDb,
  type DocumentRow,
  type MapRow,
} from '../../../src/db/schema';

const T0 = '2026-01-01T00:00:00.000Z';

/** A small but complete map: every record type, a metric, a position and a conflict. */
function sampleMap(id: string, name: string, updatedAt = T0): MapDocument {
  const mission = newGoal({ id: asGoalId('g1'), title: 'Make work joyful', kind: 'mission' });
  const nrr = newGoal({
    id: asGoalId('g2'),
    title: 'Net revenue retention',
    kind: 'kpi',
    metric: { unit: '%', current: 104, target: 115, direction: 'up' },
    position: { x: 10, y: 20, pinned: true },
  });
  const dana = newStakeholder({
    id: asStakeholderId('s1'),
    name: 'Dana',
    role: 'VP Sales',
    color: '#1864ab',
  });
  const eli = newStakeholder({
    id: asStakeholderId('s2'),
    name: 'Eli',
    role: 'CFO',
    color: '#c2410c',
  });
  const base = createEmptyMap(name, T0, asMapId(id));
  return {
    ...base,
    map: { ...base.map, updatedAt },
    goals: [mission, nrr],
    links: [newLink(nrr.id, mission.id)],
    stakeholders: [dana, eli],
    incentives: [
      newIncentive({ stakeholderId: dana.id, goalId: nrr.id, kind: 'rewarded', weight: 0.6 }),
    ],
    conflicts: [
      newConflict({
        id: asConflictId('c1'),
        title: 'Discounting',
        parties: [dana.id, eli.id],
        perspectives: { s1: 'Deals', s2: 'Margin' },
      }),
    ],
  };
}

let db: CommonGroundDb;
beforeEach(() => {
  db = openDatabase('test', new IDBFactory(), IDBKeyRange);
});
afterEach(() => {
  db.close();
});

async function loadOk(id: MapId): Promise<{ doc: MapDocument; revision: number }> {
  const loaded = await loadMap(db, id);
  if (loaded.status !== 'ok') throw new Error(`expected ${id} to load, got ${loaded.status}`);
  return loaded;
}

describe('map repository', () => {
  it('round-trips a saved map exactly and increments the revision on every save', async () => {
    const doc = sampleMap('m1', 'Acme');
    const first = await saveMap(db, doc);
    expect(first).toMatchObject({ status: 'saved', summary: { revision: 1 } });
    const loaded = await loadOk(doc.map.id);
    expect(loaded.doc).toEqual(doc);
    expect(loaded.revision).toBe(1);

    await saveMap(db, { ...doc, map: { ...doc.map, name: 'Acme 2026' } });
    const again = await loadOk(doc.map.id);
    expect(again.revision).toBe(2);
    expect(again.doc.map.name).toBe('Acme 2026');
  });

  it('compare-and-set: a save with an outdated revision is refused and writes nothing', async () => {
    const doc = sampleMap('m1', 'Acme');
    await createMap(db, doc);
    await saveMap(db, { ...doc, map: { ...doc.map, name: 'Other tab' } }, 1);

    const stale = await saveMap(db, { ...doc, map: { ...doc.map, name: 'This tab' } }, 1);
    expect(stale).toEqual({
      status: 'conflict',
      id: doc.map.id,
      expectedRevision: 1,
      storedRevision: 2,
    });
    const loaded = await loadOk(doc.map.id);
    expect(loaded.doc.map.name).toBe('Other tab');
    expect(loaded.revision).toBe(2);
    expect((await listMaps(db))[0]?.name).toBe('Other tab');
  });

  it('a save that fails half way writes neither the library entry nor the document', async () => {
    const doc = sampleMap('m1', 'Acme');
    await saveMap(db, doc);
    const full = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    vi.spyOn(db.documents, 'put').mockRejectedValueOnce(full);

    await expect(saveMap(db, { ...doc, map: { ...doc.map, name: 'Lost' } })).rejects.toMatchObject({
      name: 'QuotaExceededError',
    });
    expect((await listMaps(db))[0]).toMatchObject({ name: 'Acme', revision: 1 });
    expect((await loadOk(doc.map.id)).doc).toEqual(doc);
  });

  it('createMap refuses to overwrite an existing map', async () => {
    const doc = sampleMap('m1', 'Acme');
    await createMap(db, doc);
    const again = await createMap(db, { ...doc, map: { ...doc.map, name: 'Impostor' } });
    expect(again.status).toBe('conflict');
    expect((await loadOk(doc.map.id)).doc.map.name).toBe('Acme');
  });

  it('lists maps most recently updated first, with counts', async () => {
    await saveMap(db, sampleMap('old', 'Old', '2026-01-01T00:00:00.000Z'));
    await saveMap(db, sampleMap('new', 'New', '2026-03-01T00:00:00.000Z'));
    await saveMap(db, createEmptyMap('Mid', '2026-02-01T00:00:00.000Z', asMapId('mid')));
    const maps = await listMaps(db);
    expect(maps.map((m) => m.name)).toEqual(['New', 'Mid', 'Old']);
    expect(maps[0]?.counts).toEqual({ goals: 2, stakeholders: 2, conflicts: 1 });
    expect(maps[1]?.counts).toEqual({ goals: 0, stakeholders: 0, conflicts: 0 });
  });

  it('reports a missing map', async () => {
    expect(await loadMap(db, asMapId('nope'))).toEqual({ status: 'missing', id: 'nope' });
  });

  it('duplicates a map under a new id and name', async () => {
    const doc = sampleMap('m1', 'Acme');
    await saveMap(db, doc);
    const copy = await duplicateMap(db, doc.map.id, '2026-05-05T00:00:00.000Z');
    if (copy.status !== 'ok') throw new Error(copy.status);
    expect(copy.summary.id).not.toBe(doc.map.id);
    expect(copy.summary).toMatchObject({
      name: 'Acme (copy)',
      revision: 1,
      createdAt: '2026-05-05T00:00:00.000Z',
    });
    const loaded = await loadOk(copy.summary.id);
    expect(loaded.doc.goals).toEqual(doc.goals);
    expect(loaded.doc.conflicts).toEqual(doc.conflicts);
    expect((await loadOk(doc.map.id)).doc).toEqual(doc);
    expect(await listMaps(db)).toHaveLength(2);
  });

  it('renames a map in both the library and the stored document', async () => {
    const doc = sampleMap('m1', 'Acme');
    await saveMap(db, doc);
    const renamed = await renameMap(db, doc.map.id, 'Acme 2027', '2026-06-06T00:00:00.000Z');
    expect(renamed).toMatchObject({ status: 'ok', summary: { name: 'Acme 2027', revision: 2 } });
    const loaded = await loadOk(doc.map.id);
    expect(loaded.doc.map).toMatchObject({
      name: 'Acme 2027',
      updatedAt: '2026-06-06T00:00:00.000Z',
    });
    expect(await renameMap(db, asMapId('nope'), 'x')).toEqual({ status: 'missing', id: 'nope' });
  });

  it('deletes a map and restores it exactly, forgetting it as last opened', async () => {
    const doc = sampleMap('m1', 'Acme');
    await saveMap(db, doc);
    await saveMap(db, sampleMap('m2', 'Other'));
    await setLastOpenedMapId(db, doc.map.id);

    const deleted = await deleteMap(db, doc.map.id);
    expect(deleted?.summary.name).toBe('Acme');
    expect((await listMaps(db)).map((m) => m.name)).toEqual(['Other']);
    expect((await loadMap(db, doc.map.id)).status).toBe('missing');
    expect(await getLastOpenedMapId(db)).toBeNull();

    if (!deleted) throw new Error('nothing deleted');
    await restoreMap(db, deleted);
    expect((await listMaps(db)).map((m) => m.name).sort()).toEqual(['Acme', 'Other']);
    const loaded = await loadOk(doc.map.id);
    expect(loaded.doc).toEqual(doc);
    expect(loaded.revision).toBe(1);
    expect(await deleteMap(db, asMapId('nope'))).toBeNull();
  });

  it('remembers the last opened map', async () => {
    expect(await getLastOpenedMapId(db)).toBeNull();
    await setLastOpenedMapId(db, asMapId('m7'));
    expect(await getLastOpenedMapId(db)).toBe('m7');
  });
});

describe('ensureStarterMaps', () => {
  it('creates the example once, opens it, and never brings it back after deletion', async () => {
    let calls = 0;
    const createExample = (): MapDocument => {
      calls += 1;
      return sampleMap('example', 'Example company');
    };
    expect(await ensureStarterMaps(db, createExample)).toBe('example');
    expect(await getLastOpenedMapId(db)).toBe('example');
    expect((await loadOk(asMapId('example'))).doc.map.name).toBe('Example company');

    expect(await ensureStarterMaps(db, createExample)).toBeNull();
    await deleteMap(db, asMapId('example'));
    expect(await ensureStarterMaps(db, createExample)).toBeNull();
    expect(await listMaps(db)).toEqual([]);
    expect(calls).toBe(1);
  });

  it('runs once even when two starts race', async () => {
    const created = await Promise.all([
      ensureStarterMaps(db, () => sampleMap('a', 'A')),
      ensureStarterMaps(db, () => sampleMap('b', 'B')),
    ]);
    expect(created.filter((id) => id !== null)).toHaveLength(1);
    expect(await listMaps(db)).toHaveLength(1);
  });
});

describe('an invalid stored map', () => {
  const badRow: DocumentRow = {
    id: 'bad',
    revision: 3,
    file: {
      format: 'common-ground',
      version: 1,
      map: { id: 'bad', name: 'Broken' },
      goals: 'not a list',
    },
  };
  const badSummary: MapRow = {
    id: 'bad',
    name: 'Broken',
    createdAt: T0,
    updatedAt: T0,
    counts: { goals: 0, stakeholders: 0, conflicts: 0 },
    revision: 3,
  };

  it('is reported as invalid and left byte for byte unchanged while the others load', async () => {
    const good = sampleMap('good', 'Good');
    await saveMap(db, good);
    await db.maps.put(badSummary);
    await db.documents.put(badRow);
    const before = JSON.stringify(await db.documents.get('bad'));

    const loaded = await loadMap(db, asMapId('bad'));
    expect(loaded.status).toBe('invalid');
    if (loaded.status === 'invalid') expect(loaded.problems.length).toBeGreaterThan(0);
    expect((await loadOk(good.map.id)).doc).toEqual(good);
    expect((await listMaps(db)).map((m) => m.name).sort()).toEqual(['Broken', 'Good']);
    await ensureStarterMaps(db, () => sampleMap('example', 'Example'));
    expect(await duplicateMap(db, asMapId('bad'))).toMatchObject({ status: 'invalid' });
    expect(await renameMap(db, asMapId('bad'), 'Fixed?')).toMatchObject({ status: 'invalid' });

    expect(JSON.stringify(await db.documents.get('bad'))).toBe(before);
    expect(await db.maps.get('bad')).toEqual(badSummary);
  });

  it('is reported when the document says it is a different map', async () => {
    const other = sampleMap('elsewhere', 'Elsewhere');
    await saveMap(db, other);
    const row = await db.documents.get('elsewhere');
    await db.documents.put({ id: 'here', revision: 1, file: row?.file });
    const loaded = await loadMap(db, asMapId('here'));
    expect(loaded).toMatchObject({ status: 'invalid', problems: [{ path: 'map.id' }] });
  });
});
