import { createMap as storeNewMap } from '../../db/repository';
import {
  appendRoomUpdate,
  findRoomById,
  getRelayAddress,
  putRoom,
  removeRoom,
  setRelayAddress,
} from '../../db/rooms';
import { asMapId, newId, type MapId } from '../../domain/ids';
import { describeError } from '../../domain/result';
import { newRoomId, newRoomSecret, parseRoomFragment, type RoomLink } from '../../io/roomLink';
import type { App } from '../app';

/**
 * Sharing the open map as a room, joining one from a link, leaving it: loaded with the Share
 * dialog or a room link, never on the first screen.
 */

const notify = (app: App, kind: 'error' | 'info', text: string) =>
  app.sessionStore.getState().showNotice({ kind, text });

/** The relay a build was configured with (VITE_RELAY_URL), else one on this machine. */
function configuredRelay(): string {
  const configured: unknown = import.meta.env.VITE_RELAY_URL;
  return typeof configured === 'string' && configured !== '' ? configured : 'ws://127.0.0.1:4455';
}

/** The relay address to offer: the one this device shared through last, else the configured one. */
export async function relayAddressToOffer(app: App): Promise<string> {
  return (await getRelayAddress(await app.db)) ?? configuredRelay();
}

export const random = (bytes: Uint8Array) => {
  crypto.getRandomValues(bytes);
};

/** Turns the open map into a room on the relay at `relay` (already checked): both links work. */
export async function shareOpenMap(app: App, relay: string): Promise<void> {
  const doc = app.documentStore.getState().doc;
  if (!doc) return;
  const db = await app.db;
  await putRoom(db, {
    mapId: doc.map.id,
    roomId: newRoomId(random),
    relay,
    role: 'edit',
    key: newRoomSecret(random),
    viewKey: newRoomSecret(random),
    ownerKey: newRoomSecret(random),
  });
  await setRelayAddress(db, relay);
  await app.roomFollower.follow(doc.map.id);
}

/** Leaves the open map's room: the map stays on this device as an ordinary map. */
export async function leaveRoom(app: App): Promise<void> {
  const room = app.roomStore.getState().room;
  if (!room) return;
  app.roomFollower.stop();
  await removeRoom(await app.db, room.mapId);
  notify(app, 'info', 'You left the room. The map stays on this device as an ordinary map.');
}

/** The map a link's room is kept in here: stored now from the relay if this device never had it. */
async function storeRoomMap(app: App, link: RoomLink): Promise<MapId> {
  const db = await app.db;
  const known = await findRoomById(db, link.roomId);
  if (known) {
    // A newer link for the same room (an edit link after a view one, a new key) replaces the old.
    await putRoom(db, { ...known, relay: link.relay, role: link.role, key: link.key });
    // Open already (its old key refused after the owner rotated it): reconnect with the new one.
    if (app.roomStore.getState().room?.mapId === known.mapId)
      await app.roomFollower.follow(asMapId(known.mapId));
    return asMapId(known.mapId);
  }
  const { fetchRoomMap } = await import('./join');
  // A fresh id: the room's map may be one this device already has a copy of (the example map).
  const mapId = asMapId(newId('m'));
  const fetched = await fetchRoomMap({ ...link, mapId }, app.clock);
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
  app: App,
  fragment: string,
  openMap: (id: MapId) => Promise<void>,
): Promise<void> {
  const link = parseRoomFragment(fragment);
  if (!link.ok) {
    notify(app, 'error', link.error);
    return;
  }
  try {
    const mapId = await storeRoomMap(app, link.value);
    await openMap(mapId);
  } catch (error) {
    notify(app, 'error', `The room could not be opened. ${describeError(error)}`);
  }
}
