import type { RoomData } from '../../store/roomStore';

/** What the toolbar says about the room: the connection, then the edits waiting to be sent. */
export function describeRoomStatus({ connection, pending, ended }: RoomData): string {
  if (ended) return ended;
  const waiting =
    pending === 1 ? '1 edit waiting to be sent' : `${pending} edits waiting to be sent`;
  const state = {
    connecting: 'Connecting…',
    connected: 'Connected',
    reconnecting: 'Reconnecting…',
    offline: 'Offline — changes kept on this device',
  }[connection];
  return pending > 0 ? `${state} · ${waiting}` : state;
}
