import { Suspense } from 'react';
import { useRoomStore } from '../../store/roomStore';
import { lazyPart } from '../lazyPart';

const RoomStatus = lazyPart(async () => (await import('./roomParts')).RoomStatus);
const RoomPresence = lazyPart(async () => (await import('./roomParts')).RoomPresence);

/*
 * A room's parts on the first screen's frame: nothing for a map that is not shared, and their
 * code (roomParts.ts) is fetched only once the map is.
 */

/** The room's status in the header (RoomStatus.tsx). */
export function RoomStatusSlot() {
  const shared = useRoomStore((s) => s.room !== null);
  if (!shared) return null;
  return (
    <Suspense fallback={null}>
      <RoomStatus />
    </Suspense>
  );
}

/** Who else is in the room, on the canvas (render inside MapCanvas). */
export function PresenceSlot() {
  const presence = useRoomStore((s) => s.presence);
  if (!presence) return null;
  return (
    <Suspense fallback={null}>
      <RoomPresence presence={presence} />
    </Suspense>
  );
}
