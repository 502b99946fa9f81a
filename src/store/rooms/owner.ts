import { putRoom, removeRoom } from '../../db/rooms';
import { newRoomSecret } from '../../io/roomLink';
import type { App } from '../app';
import { participantRoleOf, type OpenRoom } from '../roomStore';
import { random } from './links';
import type { OwnerCommand } from './ownerCommand';

/**
 * What only the device that shared a map can do to its room: give it new secrets (every link
 * given out so far stops working) or delete it on the relay. Loaded with the Share dialog.
 */

function ownRoom(app: App): OpenRoom {
  const room = app.roomStore.getState().room;
  if (!room || participantRoleOf(room) !== 'facilitator')
    throw new Error('Only the device that shared the map can change its room.');
  return room;
}

function send(app: App, command: OwnerCommand): Promise<void> {
  const session = app.roomFollower.session();
  if (!session) return Promise.reject(new Error('The map is not shared.'));
  return session.ownerCommand(command);
}

/** Keeps the room's new secret here: this device's next connection and its links use it. */
async function keep(app: App, room: OpenRoom): Promise<void> {
  await putRoom(await app.db, room);
  if (app.roomStore.getState().room?.mapId === room.mapId)
    app.roomStore.getState().update({ room });
}

/**
 * New edit and view secrets for the open map's room. The relay disconnects every other device
 * that opened the old links (they are told plainly); this device keeps the room and shows the new
 * links. Each secret is kept here as soon as the relay has taken it.
 */
export async function rotateRoomSecrets(app: App): Promise<void> {
  const room = ownRoom(app);
  const key = newRoomSecret(random);
  await send(app, { type: 'rotate-secret', role: 'edit', secret: key });
  const withKey: OpenRoom = { ...room, key };
  await keep(app, withKey);
  const viewKey = newRoomSecret(random);
  await send(app, { type: 'rotate-secret', role: 'view', secret: viewKey });
  await keep(app, { ...withKey, viewKey });
}

/**
 * Deletes the open map's room on the relay: everyone in it is disconnected and told, the relay
 * removes its copy, and the map stays on this device as an ordinary map.
 */
export async function deleteOwnRoom(app: App): Promise<void> {
  const room = ownRoom(app);
  await send(app, { type: 'delete-room' });
  app.roomFollower.stop();
  await removeRoom(await app.db, room.mapId);
  app.sessionStore.getState().showNotice({
    kind: 'info',
    text: 'The room was deleted on the relay and everyone in it was told. The map stays on this device as an ordinary map.',
  });
}
