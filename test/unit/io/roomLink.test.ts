import { describe, expect, it } from 'vitest';
import {
  checkRelayAddress,
  formatRoomLink,
  newRoomId,
  newRoomSecret,
  parseRoomFragment,
  type RoomLink,
} from '../../../src/io/roomLink';
import { isRoomFragment } from '../../../src/io/roomFragment';

const fill = (value: number) => (bytes: Uint8Array) => bytes.fill(value);

const LINK: RoomLink = {
  roomId: newRoomId(fill(7)),
  relay: 'wss://relay.example.org:8443/rooms',
  key: newRoomSecret(fill(200)),
  role: 'view',
};

describe('room links', () => {
  it('carry the room, the relay and the secret in the fragment only, and read back', () => {
    const url = formatRoomLink('https://app.example.org/?lang=en', LINK);
    const parsed = new URL(url);
    expect(parsed.search).toBe('?lang=en');
    expect(parsed.hash).toContain(`key=${LINK.key}`);
    expect(isRoomFragment(parsed.hash)).toBe(true);
    expect(parseRoomFragment(parsed.hash)).toEqual({ ok: true, value: LINK });
  });

  it('make URL-safe secrets of 192 bits and room ids the relay accepts', () => {
    expect(newRoomSecret(fill(255))).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(newRoomId(fill(251))).toMatch(/^[A-Za-z0-9_-]{16}$/);
  });

  it('say which part of a broken link is wrong', () => {
    const good = new URL(formatRoomLink('http://x/', LINK)).hash;
    const broken = (name: string, value: string): string => {
      const params = new URLSearchParams(good.slice(1));
      params.set(name, value);
      const parsed = parseRoomFragment(`#${params.toString()}`);
      return parsed.ok ? 'accepted' : parsed.error;
    };
    expect(broken('key', 'short')).toMatch(/its key is missing or damaged/);
    expect(broken('room', '')).toMatch(/its room id is missing/);
    expect(broken('role', 'admin')).toMatch(/“admin” is neither edit nor view/);
    expect(broken('relay', 'http://x')).toMatch(/starts with ws:\/\/ or wss:\/\//);
    expect(isRoomFragment('#map=1')).toBe(false);
  });

  it('accept only ws:// and wss:// relays, trailing slash dropped', () => {
    expect(checkRelayAddress(' ws://127.0.0.1:4455/ ')).toEqual({
      ok: true,
      value: 'ws://127.0.0.1:4455',
    });
    expect(checkRelayAddress('127.0.0.1:4455').ok).toBe(false);
    expect(checkRelayAddress('https://relay.example.org').ok).toBe(false);
  });
});
