import { deviceStorage, type KeyValueStorage } from './deviceStorage';

/**
 * The private perspectives this device has written in a room and not yet seen revealed, kept in
 * localStorage (synchronously, so a reload or a closed tab never loses a keystroke). They are
 * this device's own: never in the room's document, never in the map stored in IndexedDB.
 */

const PREFIX = 'common-ground:private-perspectives:';

/** One draft: the conflict, the party it is written for, the text. */
export type PrivateDraft = readonly [conflict: string, party: string, text: string];

const isDraft = (value: unknown): value is PrivateDraft =>
  Array.isArray(value) && value.length === 3 && value.every((part) => typeof part === 'string');

/** The drafts kept for a room; none when storage is off or what is kept is not drafts. */
export function readPrivateDrafts(
  roomId: string,
  storage: KeyValueStorage | null = deviceStorage(),
): PrivateDraft[] {
  const kept = storage?.getItem(PREFIX + roomId);
  if (kept === null || kept === undefined) return [];
  try {
    const parsed: unknown = JSON.parse(kept);
    return Array.isArray(parsed) ? parsed.filter(isDraft) : [];
  } catch {
    return [];
  }
}

/** Replaces the room's drafts (none: the entry goes); false when they could not be kept. */
export function writePrivateDrafts(
  roomId: string,
  drafts: readonly PrivateDraft[],
  storage: KeyValueStorage | null = deviceStorage(),
): boolean {
  if (!storage) return false;
  try {
    if (drafts.length === 0) storage.removeItem(PREFIX + roomId);
    else storage.setItem(PREFIX + roomId, JSON.stringify(drafts));
    return true;
  } catch {
    return false;
  }
}
