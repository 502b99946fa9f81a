import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  connect,
  createToken,
  editToken,
  frames,
  goalTitle,
  newRoom,
  randomSecret,
  rawSocket,
  removeDir,
  setGoal,
  startTestRelay,
  synced,
  titleUpdate,
  viewToken,
  waitFor,
  type Client,
  type TestRelay,
} from './harness';

let relay: TestRelay;
const clients: Client[] = [];
const open = (...args: Parameters<typeof connect>) => {
  const client = connect(...args);
  clients.push(client);
  return client;
};

beforeAll(async () => {
  relay = await startTestRelay();
});

afterAll(async () => {
  for (const client of clients) client.destroy();
  await relay.close();
  await removeDir(relay.dataDir);
});

describe('the relay', () => {
  it('creates a room for the first edit link and shows each edit on every peer', async () => {
    const secrets = newRoom();
    const a = open(relay.url, secrets.room, createToken(secrets));
    await waitFor('the creator to sync', synced(a));
    const b = open(relay.url, secrets.room, editToken(secrets));
    const c = open(relay.url, secrets.room, viewToken(secrets));
    await waitFor('both peers to sync', () => synced(b)() && synced(c)());
    setGoal(a.doc, 'g1', 'Grow revenue');
    await waitFor('b and c to see a', () => goalTitle(b.doc, 'g1') === 'Grow revenue');
    await waitFor('c to see a', () => goalTitle(c.doc, 'g1') === 'Grow revenue');
    setGoal(b.doc, 'g2', 'Keep customers');
    await waitFor('a to see b', () => goalTitle(a.doc, 'g2') === 'Keep customers');
    expect(relay.logs.some((l) => l.event === 'room-created')).toBe(true);
  });

  it('keeps view-only connections read-only on the relay itself', async () => {
    const secrets = newRoom();
    const owner = open(relay.url, secrets.room, createToken(secrets));
    await waitFor('the owner to sync', synced(owner));
    setGoal(owner.doc, 'g1', 'Original');
    const viewer = open(relay.url, secrets.room, viewToken(secrets));
    await waitFor('the viewer to see the map', () => goalTitle(viewer.doc, 'g1') === 'Original');
    expect(viewer.provider.authorizedScope).toBe('readonly');

    // A viewer whose own document changes (as a modified app would) is not heard…
    setGoal(viewer.doc, 'g1', 'Changed by a viewer');
    // …nor is an update crafted byte by byte on a raw socket with the view secret.
    const raw = await rawSocket(relay.url);
    raw.ws.send(frames.auth(secrets.room, viewToken(secrets)));
    await waitFor('the raw viewer to be admitted', () => raw.received.length > 0);
    raw.ws.send(frames.update(secrets.room, titleUpdate('g9', 'Crafted')));
    const late = open(relay.url, secrets.room, editToken(secrets));
    await waitFor('a late joiner to sync', synced(late));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(goalTitle(owner.doc, 'g1')).toBe('Original');
    expect(goalTitle(late.doc, 'g1')).toBe('Original');
    expect(goalTitle(late.doc, 'g9')).toBeUndefined();
    expect(relay.logs.some((l) => l.event === 'refused' && l.fields.reason === 'view-only')).toBe(
      true,
    );
    raw.ws.close();
  });

  it('refuses a wrong secret, an unknown room, a bad token and a bad room name, saying why', async () => {
    const secrets = newRoom();
    const owner = open(relay.url, secrets.room, createToken(secrets));
    await waitFor('the owner to sync', synced(owner));
    const cases: [room: string, token: string, reason: string][] = [
      [secrets.room, editToken({ ...secrets, edit: randomSecret() }), 'wrong-secret'],
      [secrets.room, viewToken({ ...secrets, view: secrets.edit }), 'wrong-secret'],
      [newRoom().room, editToken(newRoom()), 'room-not-found'],
      [newRoom().room, viewToken(newRoom()), 'room-not-found'],
      [secrets.room, 'not json', 'bad-token'],
      [secrets.room, JSON.stringify({ v: 1, role: 'edit', secret: 'short' }), 'bad-token'],
      ['../../etc', createToken(secrets), 'bad-room-name'],
    ];
    const refused = cases.map(([room, token]) => open(relay.url, room, token));
    await waitFor('every refusal', () => refused.every((c) => c.refusals.length > 0));
    expect(refused.map((c) => c.refusals[0])).toEqual(cases.map(([, , reason]) => reason));
    expect(refused.some((c) => c.provider.isSynced)).toBe(false);
  });

  it('lets the owner rotate the view secret: old viewers are told, the new link works', async () => {
    const secrets = newRoom();
    const owner = open(relay.url, secrets.room, createToken(secrets));
    await waitFor('the owner to sync', synced(owner));
    const viewer = open(relay.url, secrets.room, viewToken(secrets));
    await waitFor('the viewer to sync', synced(viewer));
    const view = randomSecret();
    owner.provider.sendStateless(
      JSON.stringify({ type: 'rotate-secret', role: 'view', secret: view }),
    );
    await waitFor('the viewer to be told', () => viewer.closes.includes('secret-rotated'));
    expect(owner.stateless).toContain(JSON.stringify({ type: 'done', command: 'rotate-secret' }));
    const oldLink = open(relay.url, secrets.room, viewToken(secrets));
    const newLink = open(relay.url, secrets.room, viewToken({ ...secrets, view }));
    await waitFor('the old link refused', () => oldLink.refusals.includes('wrong-secret'));
    await waitFor('the new link to sync', synced(newLink));
    // A viewer cannot rotate or delete.
    newLink.provider.sendStateless(JSON.stringify({ type: 'delete-room' }));
    await waitFor('the refusal', () => newLink.stateless.length > 0);
    expect(newLink.stateless[0]).toBe(JSON.stringify({ type: 'refused', reason: 'view-only' }));
  });

  it('lets the owner delete a room: everyone is told, nothing is left on disk', async () => {
    const secrets = newRoom();
    const owner = open(relay.url, secrets.room, createToken(secrets));
    await waitFor('the owner to sync', synced(owner));
    const peer = open(relay.url, secrets.room, editToken(secrets));
    await waitFor('the peer to sync', synced(peer));
    setGoal(owner.doc, 'g1', 'Soon gone');
    await waitFor('the peer to see it', () => goalTitle(peer.doc, 'g1') === 'Soon gone');
    owner.provider.sendStateless(JSON.stringify({ type: 'delete-room' }));
    await waitFor('the peer to be told', () => peer.closes.includes('room-deleted'));
    await waitFor('the owner to be told', () => owner.closes.includes('room-deleted'));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const files = await readdir(join(relay.dataDir, 'rooms'));
    expect(files.filter((f) => f.startsWith(secrets.room))).toEqual([]);
    const again = open(relay.url, secrets.room, editToken(secrets));
    await waitFor('the room to be gone', () => again.refusals.includes('room-not-found'));
  });
});
