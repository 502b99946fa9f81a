/**
 * The links that open a room: the relay's address, the room's id and its secret ride in the URL's
 * fragment (`…/#room=<id>&relay=<ws url>&key=<secret>&role=edit`), which a browser never sends in
 * a request line, so no server (the app's host included) ever sees or logs the secret.
 */
import { err, ok, type Result } from '../domain/result';
import { fragmentParams } from './roomFragment';

/** What a link lets its holder do: change the map, or only look at it. */
export type RoomRole = 'edit' | 'view';

export interface RoomLink {
  /** The room's name on the relay: random, URL-safe. */
  readonly roomId: string;
  /** The relay's WebSocket address, e.g. ws://127.0.0.1:4455. */
  readonly relay: string;
  /** The secret that admits this role; the relay keeps only a hash of it. */
  readonly key: string;
  readonly role: RoomRole;
}

/** As the relay accepts them: 8–64 URL-safe characters. */
const ROOM_ID = /^[A-Za-z0-9_-]{8,64}$/;
/** At least 22 base64url characters (132 bits): too many to guess online. */
const SECRET = /^[A-Za-z0-9_-]{22,128}$/;

/** 24 random bytes: 32 base64url characters, 192 bits. */
const SECRET_BYTES = 24;
/** 12 random bytes: 16 characters, enough that two rooms never share a name. */
const ROOM_ID_BYTES = 12;

/** Fills a buffer with random bytes: `crypto.getRandomValues` in the app, a fixed one in tests. */
export type RandomBytes = (bytes: Uint8Array) => void;

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomText(random: RandomBytes, length: number): string {
  const bytes = new Uint8Array(length);
  random(bytes);
  return base64url(bytes);
}

export const newRoomSecret = (random: RandomBytes): string => randomText(random, SECRET_BYTES);
export const newRoomId = (random: RandomBytes): string => randomText(random, ROOM_ID_BYTES);

/** Whether `address` is a relay address a browser can open: ws:// or wss:// with a host. */
export function checkRelayAddress(address: string): Result<string, string> {
  const trimmed = address.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return err(`“${trimmed}” is not an address; a relay’s looks like ws://127.0.0.1:4455.`);
  }
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:')
    return err(`A relay’s address starts with ws:// or wss://, not ${url.protocol}//.`);
  if (url.hostname === '') return err('The relay’s address needs a host name.');
  return ok(trimmed.replace(/\/+$/, ''));
}

/** The link to the app at `base` (its address without a fragment) that opens this room. */
export function formatRoomLink(base: string, link: RoomLink): string {
  const fragment = new URLSearchParams({
    room: link.roomId,
    relay: link.relay,
    key: link.key,
    role: link.role,
  });
  return `${base.replace(/#.*$/, '')}#${fragment.toString()}`;
}

/** Reads a room link's fragment (`#room=…`); a broken link says which part is wrong. */
export function parseRoomFragment(hash: string): Result<RoomLink, string> {
  const params = fragmentParams(hash);
  const roomId = params.get('room') ?? '';
  const key = params.get('key') ?? '';
  const role = params.get('role') ?? 'edit';
  if (!ROOM_ID.test(roomId))
    return err('This room link is incomplete: its room id is missing or damaged.');
  if (!SECRET.test(key)) return err('This room link is incomplete: its key is missing or damaged.');
  if (role !== 'edit' && role !== 'view')
    return err(`This room link is damaged: “${role}” is neither edit nor view.`);
  const relay = checkRelayAddress(params.get('relay') ?? '');
  if (!relay.ok) return err(`This room link’s relay is damaged. ${relay.error}`);
  return ok({ roomId, relay: relay.value, key, role });
}
