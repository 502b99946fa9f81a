import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getBackupStatus, recordExport, snoozeBackupReminder } from '../../../src/db/backup';
import {
  deleteMap,
  listMaps,
  loadMap,
  renameMap,
  restoreMap,
  saveMap,
} from '../../../src/db/repository';
import { openDatabase, type CommonGroundDb } from '../../../src/db/schema';
import {
  listSnapshots,
  loadSnapshot,
  takeSnapshot,
  type SnapshotRead,
} from '../../../src/db/snapshots';
import { createExampleMap } from '../../../src/domain/exampleMap';
import { asMapId } from '../../../src/domain/ids';
import type { MapDocument } from '../../../src/domain/model';
import { toFileObject } from '../../../src/io/json';

const T0 = Date.parse('2026-01-01T09:00:00.000Z');
const MINUTE = 60_000;
const at = (minutes: number): string => new Date(T0 + minutes * MINUTE).toISOString();

const example = createExampleMap(at(0));
const mapId = example.map.id;
/** The example with its name changed: a different version of the same map. */
const version = (name: string): MapDocument => ({ ...example, map: { ...example.map, name } });

let db: CommonGroundDb;
beforeEach(() => {
  db = openDatabase('snapshots', new IDBFactory(), IDBKeyRange);
});
afterEach(() => {
  db.close();
});

async function namesInHistory(): Promise<string[]> {
  const names: string[] = [];
  for (const s of await listSnapshots(db, mapId)) {
    const read = await loadSnapshot(db, s.id);
    names.push(read.status === 'ok' ? read.doc.map.name : read.status);
  }
  return names;
}

function expectOk(read: SnapshotRead): MapDocument {
  if (read.status !== 'ok') throw new Error(`expected a readable snapshot, got ${read.status}`);
  return read.doc;
}

describe('snapshots taken by saveMap', () => {
  it('keeps the stored version when editing resumes after 10 minutes, and not before', async () => {
    await saveMap(db, version('v1'), undefined, at(0));
    await saveMap(db, version('v2'), undefined, at(9.9));
    expect(await listSnapshots(db, mapId)).toEqual([]);

    await saveMap(db, version('v3'), undefined, at(19.9));
    const [snapshot, ...others] = await listSnapshots(db, mapId);
    expect(others).toEqual([]);
    expect(snapshot).toMatchObject({
      mapId,
      takenAt: at(19.9),
      savedAt: at(9.9),
      revision: 2,
      reason: 'pause',
      counts: { goals: 26, stakeholders: 7, conflicts: 5 },
    });
    const json = JSON.stringify(toFileObject(version('v2')));
    expect(snapshot?.bytes).toBe(new TextEncoder().encode(json).length);
    expect(expectOk(await loadSnapshot(db, snapshot?.id ?? -1))).toEqual(version('v2'));
  });

  it('measures the pause from the last save, not from the first one', async () => {
    for (let minute = 0; minute <= 60; minute += 5) {
      await saveMap(db, version(`v${minute}`), undefined, at(minute));
    }
    expect(await listSnapshots(db, mapId)).toEqual([]);
  });

  it('lists newest first and prunes to the latest 30 (with their content)', async () => {
    for (let n = 0; n < 35; n++) await saveMap(db, version(`v${n}`), undefined, at(n * 11));
    const names = await namesInHistory();
    expect(names).toHaveLength(30);
    expect(names[0]).toBe('v33');
    expect(names.at(-1)).toBe('v4');
    expect(await db.snapshotFiles.count()).toBe(30);
  });

  it('does not keep the same content twice in a row', async () => {
    await saveMap(db, version('v1'), undefined, at(0));
    await takeSnapshot(db, version('v1'), 'before-restore', at(30));
    await saveMap(db, version('v2'), undefined, at(31));
    expect(await namesInHistory()).toEqual(['v1']);
  });

  it('a library rename after a pause keeps the version it renames', async () => {
    await saveMap(db, version('Before'), undefined, at(0));
    await renameMap(db, mapId, 'After', at(60));
    expect(await namesInHistory()).toEqual(['Before']);
  });

  it('a save that fails half way writes no snapshot either', async () => {
    await saveMap(db, version('v1'), undefined, at(0));
    const full = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    vi.spyOn(db.documents, 'put').mockRejectedValueOnce(full);
    await expect(saveMap(db, version('v2'), undefined, at(30))).rejects.toMatchObject({
      name: 'QuotaExceededError',
    });
    expect(await db.snapshots.count()).toBe(0);
    expect(await db.snapshotFiles.count()).toBe(0);
    const loaded = await loadMap(db, mapId);
    expect(loaded.status === 'ok' && loaded.doc.map.name).toBe('v1');
  });

  it('a map stored before save times were recorded is kept on its first save after a pause', async () => {
    await saveMap(db, version('v1'), undefined, at(0));
    const row = await db.documents.get(mapId);
    if (!row) throw new Error('not stored');
    const withoutSaveTime = { id: row.id, revision: row.revision, file: row.file };
    await db.documents.put(withoutSaveTime);
    // The library row says the map was last edited at minute 0.
    await saveMap(db, version('v2'), undefined, at(5));
    expect(await listSnapshots(db, mapId)).toEqual([]);
    await db.documents.put({ ...withoutSaveTime, revision: 2 });
    await saveMap(db, version('v3'), undefined, at(15));
    expect(await namesInHistory()).toEqual(['v1']);
  });
});

describe('snapshots and the rest of the library', () => {
  it('deleting a map removes its snapshots and undo delete brings them back', async () => {
    const other = { ...example, map: { ...example.map, id: asMapId('m-other') } };
    await saveMap(db, other, undefined, at(0));
    await saveMap(db, { ...other, goals: [] }, undefined, at(20));
    await saveMap(db, version('v1'), undefined, at(0));
    await saveMap(db, version('v2'), undefined, at(20));
    await saveMap(db, version('v3'), undefined, at(40));
    const before = await namesInHistory();
    expect(before).toEqual(['v2', 'v1']);

    const deleted = await deleteMap(db, mapId);
    if (!deleted) throw new Error('nothing deleted');
    expect(await listSnapshots(db, mapId)).toEqual([]);
    expect(await listSnapshots(db, other.map.id)).toHaveLength(1);

    await restoreMap(db, deleted);
    expect(await namesInHistory()).toEqual(before);
    expect(await db.snapshotFiles.count()).toBe(3);
  });

  it('a damaged snapshot is reported as damaged, the others still read', async () => {
    await saveMap(db, version('v1'), undefined, at(0));
    await saveMap(db, version('v2'), undefined, at(20));
    await saveMap(db, version('v3'), undefined, at(40));
    const [newest, oldest] = await listSnapshots(db, mapId);
    if (!newest || !oldest) throw new Error('expected two snapshots');
    await db.snapshotFiles.put({ id: newest.id, file: { format: 'common-ground', version: 1 } });
    const damaged = await loadSnapshot(db, newest.id);
    expect(damaged.status).toBe('damaged');
    expect(damaged.status === 'damaged' && damaged.problems.length).toBeGreaterThan(0);
    expect(expectOk(await loadSnapshot(db, oldest.id)).map.name).toBe('v1');
    expect(await loadSnapshot(db, 12345)).toEqual({ status: 'missing', id: 12345 });
  });

  it('remembers exports across saves, and reports what the backup reminder needs', async () => {
    await saveMap(db, version('v1'), undefined, at(0));
    expect(await getBackupStatus(db, mapId)).toEqual({
      revision: 1,
      counts: { goals: 26, stakeholders: 7, conflicts: 5 },
      snapshotCount: 0,
    });
    await recordExport(db, mapId, at(1));
    await snoozeBackupReminder(db, mapId, at(2));
    await saveMap(db, version('v2'), undefined, at(30));
    expect(await getBackupStatus(db, mapId)).toMatchObject({
      exportedAt: at(1),
      backupReminderSnoozedAt: at(2),
      revision: 2,
      snapshotCount: 1,
    });
    expect((await listMaps(db))[0]?.exportedAt).toBe(at(1));
  });
});
