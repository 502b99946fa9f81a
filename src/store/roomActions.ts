import { getRoom } from '../db/rooms';
import type { RoomRow } from '../db/schema';
import type { MapId } from '../domain/ids';
import { getDatabase } from './database';
import { documentStore } from './documentStore';
import type { OpenRoom } from './roomStore';
import type { RoomSession } from './rooms/session';

/**
 * The room of the open map, if it is shared. The room's own code (Yjs, the relay connection) is
 * imported only then: a map that is not shared opens no connection and loads none of it. Sharing,
 * joining and leaving live in rooms/links.ts, loaded with the Share dialog or a room link.
 */

let active: RoomSession | null = null;
/** Counts the maps followed, so a room still starting for a map no longer open stops itself. */
let followed = 0;

const toOpenRoom = ({ mapId, roomId, relay, role, key, viewKey }: RoomRow): OpenRoom => ({
  mapId,
  roomId,
  relay,
  role,
  key,
  ...(viewKey === undefined ? {} : { viewKey }),
});

/** Stops the open map's room (leaving it, or another map opens); what is kept here stays. */
export function stopRoom(): void {
  active?.stop();
  active = null;
}

/** Follows the map the editor opened: starts its room if it is shared, stops the previous one. */
export async function followOpenMap(mapId: MapId | null): Promise<void> {
  stopRoom();
  const turn = ++followed;
  if (mapId === null) return;
  const room = await getRoom(getDatabase(), mapId);
  if (!room || turn !== followed) return;
  const { startRoomSession } = await import('./rooms/session');
  if (turn !== followed || documentStore.getState().doc?.map.id !== mapId) return;
  active = await startRoomSession(getDatabase(), toOpenRoom(room));
}
