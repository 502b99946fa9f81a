import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import {
  appendRoomUpdate,
  findRoomById,
  getRelayAddress,
  putRoom,
  readRoomState,
  removeRoom,
  setRelayAddress,
} from '../../../src/db/rooms';
import { createMap, deleteMap, listMaps, restoreMap } from '../../../src/db/repository';
import { asMapId } from '../../../src/domain/ids';
import { createEmptyMap } from '../../../src/domain/factories';
import { openDatabase } from '../../../src/db/schema';

const ROOM = {
  mapId: 'm1',
  roomId: 'room-0001',
  relay: 'ws://127.0.0.1:4455',
  role: 'edit' as const,
  key: 'k'.repeat(32),
};

/** Joins the bytes of every update in order: a stand-in for Yjs's mergeUpdates. */
const concat = (updates: Uint8Array[]) => Uint8Array.from(updates.flatMap((u) => [...u]));

describe('rooms on this device (schema version 3)', () => {
  it('upgrades a version 2 database: its maps stay, rooms start empty', async () => {
    const indexedDB = new IDBFactory();
    const old = new Dexie('rooms-upgrade', { indexedDB, IDBKeyRange });
    old.version(1).stores({ maps: 'id, updatedAt', documents: 'id', settings: 'key' });
    old.version(2).stores({ snapshots: '++id, mapId, [mapId+takenAt]', snapshotFiles: 'id' });
    const counts = { goals: 0, stakeholders: 0, conflicts: 0 };
    await old
      .table('maps')
      .put({ id: 'm1', name: 'Kept', createdAt: '', updatedAt: '', counts, revision: 1 });
    old.close();

    const db = openDatabase('rooms-upgrade', indexedDB, IDBKeyRange);
    await db.open();
    expect(db.verno).toBe(3);
    expect((await listMaps(db)).map((m) => m.name)).toEqual(['Kept']);
    expect(await db.rooms.count()).toBe(0);
  });

  it('keeps a room’s updates in order, merges them into one row, and leaving drops them', async () => {
    const db = openDatabase('rooms', new IDBFactory(), IDBKeyRange);
    await putRoom(db, ROOM);
    for (const byte of [1, 2, 3]) await appendRoomUpdate(db, 'm1', Uint8Array.of(byte));
    await appendRoomUpdate(db, 'other', Uint8Array.of(9));
    expect(await readRoomState(db, 'm1', concat)).toEqual(Uint8Array.of(1, 2, 3));
    expect(await db.roomUpdates.where('mapId').equals('m1').count()).toBe(1);
    await appendRoomUpdate(db, 'm1', Uint8Array.of(4));
    expect(await readRoomState(db, 'm1', concat)).toEqual(Uint8Array.of(1, 2, 3, 4));
    expect((await findRoomById(db, 'room-0001'))?.mapId).toBe('m1');

    await removeRoom(db, 'm1');
    expect(await findRoomById(db, 'room-0001')).toBeUndefined();
    expect(await readRoomState(db, 'm1', concat)).toBeNull();
    expect(await readRoomState(db, 'other', concat)).toEqual(Uint8Array.of(9));
  });

  it('deleting a shared map removes its room and kept updates; undo brings them back', async () => {
    const db = openDatabase('rooms-delete', new IDBFactory(), IDBKeyRange);
    const doc = createEmptyMap('Shared', '2026-01-01T00:00:00.000Z', asMapId('m1'));
    expect((await createMap(db, doc)).status).toBe('saved');
    await putRoom(db, ROOM);
    for (const byte of [1, 2]) await appendRoomUpdate(db, 'm1', Uint8Array.of(byte));
    await putRoom(db, { ...ROOM, mapId: 'other', roomId: 'room-0002' });
    await appendRoomUpdate(db, 'other', Uint8Array.of(9));

    const deleted = await deleteMap(db, asMapId('m1'));
    expect(await findRoomById(db, 'room-0001')).toBeUndefined();
    expect(await db.roomUpdates.where('mapId').equals('m1').count()).toBe(0);
    expect(await findRoomById(db, 'room-0002')).toBeDefined();
    expect(await readRoomState(db, 'other', concat)).toEqual(Uint8Array.of(9));

    if (!deleted) throw new Error('nothing deleted');
    await restoreMap(db, deleted);
    expect(await findRoomById(db, 'room-0001')).toEqual(ROOM);
    expect(await readRoomState(db, 'm1', concat)).toEqual(Uint8Array.of(1, 2));
  });

  it('remembers the relay address last shared through', async () => {
    const db = openDatabase('relay', new IDBFactory(), IDBKeyRange);
    expect(await getRelayAddress(db)).toBeUndefined();
    await setRelayAddress(db, 'wss://relay.example.org');
    expect(await getRelayAddress(db)).toBe('wss://relay.example.org');
  });
});
