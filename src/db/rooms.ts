import type { CommonGroundDb, RoomRow } from './schema';

/**
 * Rooms on this device: which maps are shared, and the Yjs updates of each room's document kept
 * locally (so a shared map opens and is edited offline, and merges when the relay is back).
 */

export const getRoom = (db: CommonGroundDb, mapId: string): Promise<RoomRow | undefined> =>
  db.rooms.get(mapId);

/** The map this device keeps for a room, if it joined it before. */
export const findRoomById = (db: CommonGroundDb, roomId: string): Promise<RoomRow | undefined> =>
  db.rooms.where('roomId').equals(roomId).first();

export async function putRoom(db: CommonGroundDb, room: RoomRow): Promise<void> {
  await db.rooms.put(room);
}

/** Leaves a room: the map stays an ordinary map; the room and its kept updates go. */
export async function removeRoom(db: CommonGroundDb, mapId: string): Promise<void> {
  await db.transaction('rw', db.rooms, db.roomUpdates, async () => {
    await db.rooms.delete(mapId);
    await db.roomUpdates.where('mapId').equals(mapId).delete();
  });
}

export async function appendRoomUpdate(
  db: CommonGroundDb,
  mapId: string,
  update: Uint8Array,
): Promise<void> {
  await db.roomUpdates.add({ mapId, update });
}

/**
 * Every kept update of a room's document, merged into one by `merge` (Yjs's `mergeUpdates`) and
 * stored back as that one, in one transaction: reopening a long-used room reads one row, and an
 * update another tab adds meanwhile is never dropped.
 */
export async function readRoomState(
  db: CommonGroundDb,
  mapId: string,
  merge: (updates: Uint8Array[]) => Uint8Array,
): Promise<Uint8Array | null> {
  return db.transaction('rw', db.roomUpdates, async () => {
    const rows = await db.roomUpdates.where('mapId').equals(mapId).sortBy('id');
    if (rows.length === 0) return null;
    const whole = merge(rows.map((row) => row.update));
    if (rows.length > 1) {
      await db.roomUpdates.bulkDelete(
        rows.flatMap((row) => (row.id === undefined ? [] : [row.id])),
      );
      await db.roomUpdates.add({ mapId, update: whole });
    }
    return whole;
  });
}

export async function getRelayAddress(db: CommonGroundDb): Promise<string | undefined> {
  const row = await db.settings.get('relayAddress');
  return row?.key === 'relayAddress' ? row.value : undefined;
}

export async function setRelayAddress(db: CommonGroundDb, address: string): Promise<void> {
  await db.settings.put({ key: 'relayAddress', value: address });
}
