import { Suspense } from 'react';
import { useRoomStore } from '../../store/roomStore';
import { lazyPart } from '../lazyPart';

const RoomPresence = lazyPart(async () => (await import('./RoomPresence')).RoomPresence);

/**
 * Who else is in the room, on the canvas (render inside MapCanvas). Nothing for a map that is
 * not shared, and its code is fetched only once a room has started.
 */
export function PresenceSlot() {
  const presence = useRoomStore((s) => s.presence);
  if (!presence) return null;
  return (
    <Suspense fallback={null}>
      <RoomPresence presence={presence} />
    </Suspense>
  );
}
