import { getRoom } from '../db/rooms';
import type { MapId } from '../domain/ids';
import type { Resolution, SetAsideItem } from '../domain/repair';
import type { App } from './app';
import type { RoomSession } from './rooms/session';

/**
 * The room of the open map, if it is shared. The room's own code (Yjs, the relay connection) is
 * imported only then: a map that is not shared opens no connection and loads none of it. Sharing,
 * joining and leaving live in rooms/links.ts, loaded with the Share dialog or a room link.
 */

/** Starts and stops the room of the map the editor shows; one per app. */
export interface RoomFollower {
  /** Follows the map the editor opened: starts its room if it is shared, stops the previous one. */
  follow(mapId: MapId | null): Promise<void>;
  /** Stops the open map's room (leaving it, or another map opens); what is kept here stays. */
  stop(): void;
  /** Settles a set-aside item of the open map's room (see RoomSession.resolve). */
  resolve(item: SetAsideItem, resolution: Resolution, attachTo?: string): void;
  /** The open map's room session, for what only its Share dialog does (rooms/owner.ts). */
  session(): RoomSession | null;
}

export function createRoomFollower(app: () => App): RoomFollower {
  let active: RoomSession | null = null;
  /** Counts the maps followed, so a room still starting for a map no longer open stops itself. */
  let followed = 0;
  const stop = () => {
    active?.stop();
    active = null;
  };
  return {
    stop,
    resolve(item, resolution, attachTo) {
      active?.resolve(item, resolution, attachTo);
    },
    session: () => active,
    async follow(mapId) {
      stop();
      const turn = ++followed;
      if (mapId === null) return;
      const room = await getRoom(await app().db, mapId);
      if (!room || turn !== followed) return;
      const { startRoomSession } = await import('./rooms/session');
      if (turn !== followed || app().documentStore.getState().doc?.map.id !== mapId) return;
      const session = await startRoomSession(app(), room);
      // Another map was opened while this room was starting: it must not keep undo or the status.
      if (turn === followed) active = session;
      else session.stop();
    },
  };
}
