import { HocuspocusProvider } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { asMapId } from '../../domain/ids';
import type { MapDocument } from '../../domain/model';
import { RoomBinding } from '../../rooms/roomBinding';
import { metaMap } from '../../rooms/roomShape';
import type { OpenRoom } from '../roomStore';
import { describeRefusal, roomPlaceholder, roomToken } from './session';

/** Long enough for a large map on a slow link; a relay that never answers is said so. */
const JOIN_TIMEOUT_MS = 20_000;

export interface FetchedRoom {
  readonly doc: MapDocument;
  /** The room's whole Y.Doc, kept on this device as its first update. */
  readonly state: Uint8Array;
}

/**
 * The room's map as every device shows it: repaired, under this device's id for it. What the
 * repair sets aside stays in the room, listed in Map health once the map is open.
 */
function roomMap(ydoc: Y.Doc, room: OpenRoom, now: string): MapDocument {
  const local = roomPlaceholder(asMapId(room.mapId), now);
  const binding = new RoomBinding(ydoc, { local, onChange: () => undefined });
  const { doc } = binding.view;
  binding.destroy();
  return doc;
}

/**
 * A room's map as the relay has it, fetched once to store it on this device; rejects with what to
 * tell the person (a wrong key, a deleted room, a relay that does not answer). The connection
 * closes either way: the room's session opens its own once the map is stored.
 */
export async function fetchRoomMap(room: OpenRoom, clock: () => string): Promise<FetchedRoom> {
  const ydoc = new Y.Doc();
  let settle: { resolve: (room: FetchedRoom) => void; reject: (error: Error) => void } | null =
    null;
  const fetched = new Promise<FetchedRoom>((resolve, reject) => {
    settle = { resolve, reject };
  });
  const fail = (message: string) => settle?.reject(new Error(message));
  const timer = setTimeout(
    () =>
      fail(
        `The relay at ${room.relay} did not answer. Check that it runs and that this device can reach it, then open the link again.`,
      ),
    JOIN_TIMEOUT_MS,
  );
  const provider = new HocuspocusProvider({
    url: room.relay,
    name: room.roomId,
    document: ydoc,
    token: roomToken(room),
    onAuthenticationFailed: ({ reason }) =>
      fail(describeRefusal(reason) ?? `The relay refused to open this room (${reason}).`),
    onClose: ({ event }) => {
      const refused = describeRefusal(event.reason);
      if (refused) fail(refused);
    },
    onSynced: ({ state }) => {
      if (!state) return;
      if (metaMap(ydoc).size === 0) {
        fail('This room is empty: its map was not shared from anywhere yet.');
        return;
      }
      settle?.resolve({ doc: roomMap(ydoc, room, clock()), state: Y.encodeStateAsUpdate(ydoc) });
    },
  });
  try {
    return await fetched;
  } finally {
    clearTimeout(timer);
    provider.destroy();
    ydoc.destroy();
  }
}
