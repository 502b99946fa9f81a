/**
 * What only a shared map shows, in one chunk fetched once the map is shared (PresenceSlot.tsx):
 * the room's status in the header and presence on the canvas.
 */
export { RoomStatus } from './RoomStatus';
export { RoomPresence } from './RoomPresence';
