/**
 * Whether a page's address asks to open a room: all the first screen needs to know of room links
 * (roomLink.ts reads them, loaded with the room's code).
 */

/** A page's fragment (`#room=…&relay=…`) as parameters. */
export const fragmentParams = (hash: string): URLSearchParams =>
  new URLSearchParams(hash.replace(/^#/, ''));

/** Whether a page's fragment asks to open a room at all (it may still be a broken link). */
export const isRoomFragment = (hash: string): boolean => fragmentParams(hash).has('room');
