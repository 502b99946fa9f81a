import { createMap as storeNewMap } from '../db/repository';
import {
  appendRoomUpdate,
  findRoomById,
  getRelayAddress,
  getRoom,
  putRoom,
  removeRoom,
  setRelayAddress,
} from '../db/rooms';
import type { RoomRow } from '../db/schema';
import { asMapId, newId, type MapId } from '../domain/ids';
import { describeError } from '../domain/result';
import { newRoomId, newRoomSecret, parseRoomFragment, type RoomLink } from '../io/roomLink';
import { getDatabase } from './database';
import { documentStore } from './documentStore';
import { roomStore, type OpenRoom } from './roomStore';
import type { RoomSession } from './rooms/session';
import { sessionStore } from './sessionStore';

/**
 * Sharing the open map as a room, joining one from a link, leaving it. The room's own code (Yjs,
 * the relay connection) is imported only when a map is shared: a map that is not shared opens no
 * connection and loads none of it.
 */

let active: RoomSession | null = null;

/** The relay a build was configured with (VITE_RELAY_URL), else one on this machine. */
function configuredRelay(): string {
  const configured: unknown = import.meta.env.VITE_RELAY_URL;
  return typeof configured === 'string' && configured !== '' ? configured : 'ws://127.0.0.1:4455';
}

/** The relay address to offer: the one this device shared through last, else the configured one. */
export async function relayAddressToOffer(): Promise<string> {
  return (await getRelayAddress(getDatabase())) ?? configuredRelay();
}

const notify = (kind: 'error' | 'info', text: string) =>
  sessionStore.getState().showNotice({ kind, text });

const toOpenRoom = ({ mapId, roomId, relay, role, key, viewKey }: RoomRow): OpenRoom => ({
  mapId,
  roomId,
  relay,
  role,
  key,
  ...(viewKey === undefined ? {} : { viewKey }),
});

/** Follows the map the editor opened: starts its room if it is shared, stops the previous one. */
export async function followOpenMap(mapId: MapId | null): Promise<void> {
  active?.stop();
  active = null;
  if (mapId === null) return;
  const room = await getRoom(getDatabase(), mapId);
  if (!room) return;
  const { startRoomSession } = await import('./rooms/session');
  // Another map may have opened while the room's code loaded.
  if (documentStore.getState().doc?.map.id !== mapId) return;
  active = await startRoomSession(getDatabase(), toOpenRoom(room));
}

const random = (bytes: Uint8Array) => {
  crypto.getRandomValues(bytes);
};

/** Turns the open map into a room on the relay at `relay` (already checked): both links work. */
export async function shareOpenMap(relay: string): Promise<void> {
  const doc = documentStore.getState().doc;
  if (!doc) return;
  const db = getDatabase();
  await putRoom(db, {
    mapId: doc.map.id,
    roomId: newRoomId(random),
    relay,
    role: 'edit',
    key: newRoomSecret(random),
    viewKey: newRoomSecret(random),
  });
  await setRelayAddress(db, relay);
  await followOpenMap(doc.map.id);
}

/** Leaves the open map's room: the map stays on this device as an ordinary map. */
export async function leaveRoom(): Promise<void> {
  const room = roomStore.getState().room;
  if (!room) return;
  active?.stop();
  active = null;
  await removeRoom(getDatabase(), room.mapId);
  notify('info', 'You left the room. The map stays on this device as an ordinary map.');
}

/** The map a link's room is kept in here: stored now from the relay if this device never had it. */
async function storeRoomMap(link: RoomLink): Promise<MapId> {
  const db = getDatabase();
  const known = await findRoomById(db, link.roomId);
  if (known) {
    // A newer link for the same room (an edit link after a view one, a new key) replaces the old.
    await putRoom(db, { ...known, relay: link.relay, role: link.role, key: link.key });
    return asMapId(known.mapId);
  }
  const { fetchRoomMap } = await import('./rooms/join');
  // A fresh id: the room's map may be one this device already has a copy of (the example map).
  const mapId = asMapId(newId('m'));
  const fetched = await fetchRoomMap({ ...link, mapId });
  const saved = await storeNewMap(db, fetched.doc);
  if (saved.status !== 'saved') throw new Error(`Map ${mapId} already exists.`);
  await appendRoomUpdate(db, mapId, fetched.state);
  await putRoom(db, { ...link, mapId });
  return mapId;
}

/**
 * Opens the room a link's fragment (`#room=…`) names, storing its map on this device the first
 * time; a broken link, a wrong key or a relay that cannot be reached is said plainly and changes
 * nothing.
 */
export async function joinFromFragment(
  fragment: string,
  openMap: (id: MapId) => Promise<void>,
): Promise<void> {
  const link = parseRoomFragment(fragment);
  if (!link.ok) {
    notify('error', link.error);
    return;
  }
  try {
    const mapId = await storeRoomMap(link.value);
    await openMap(mapId);
  } catch (error) {
    notify('error', `The room could not be opened. ${describeError(error)}`);
  }
}
