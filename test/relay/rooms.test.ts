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
/** Every secret a test hands out, to check that none reaches the log. */
const secretsUsed: string[] = [];
const freshSecret = () => {
  const secret = randomSecret();
  secretsUsed.push(secret);
  return secret;
};
const room = () => {
  const secrets = newRoom();
  secretsUsed.push(secrets.edit, secrets.view);
  return secrets;
};
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

// The limit only guards against a hang: on a loaded machine a room's round trips slow down.
describe('the relay', { timeout: 20_000 }, () => {
  it('creates a room for the first edit link and shows each edit on every peer', async () => {
    const secrets = room();
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
    const secrets = room();
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
    const secrets = room();
    const owner = open(relay.url, secrets.room, createToken(secrets));
    await waitFor('the owner to sync', synced(owner));
    const cases: [room: string, token: string, reason: string][] = [
      [secrets.room, editToken({ ...secrets, edit: freshSecret() }), 'wrong-secret'],
      [secrets.room, viewToken({ ...secrets, view: secrets.edit }), 'wrong-secret'],
      [room().room, editToken(room()), 'room-not-found'],
      [room().room, viewToken(room()), 'room-not-found'],
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
    const secrets = room();
    const owner = open(relay.url, secrets.room, createToken(secrets));
    await waitFor('the owner to sync', synced(owner));
    const viewer = open(relay.url, secrets.room, viewToken(secrets));
    await waitFor('the viewer to sync', synced(viewer));
    const view = freshSecret();
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
    const secrets = room();
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

  it('a room created with an owner secret takes rotate and delete only with it', async () => {
    const secrets = room();
    const ownerSecret = freshSecret();
    const ownerToken = JSON.stringify({
      v: 1,
      role: 'edit',
      secret: secrets.edit,
      viewSecret: secrets.view,
      ownerSecret,
    });
    const owner = open(relay.url, secrets.room, ownerToken);
    await waitFor('the owner to sync', synced(owner));
    const peer = open(relay.url, secrets.room, editToken(secrets));
    await waitFor('the peer to sync', synced(peer));
    const notOwner = JSON.stringify({ type: 'refused', reason: 'not-owner' });
    peer.provider.sendStateless(JSON.stringify({ type: 'delete-room' }));
    peer.provider.sendStateless(JSON.stringify({ type: 'delete-room', owner: secrets.edit }));
    peer.provider.sendStateless(
      JSON.stringify({ type: 'rotate-secret', role: 'edit', secret: freshSecret() }),
    );
    await waitFor('three refusals', () => peer.stateless.length === 3);
    expect(peer.stateless).toEqual([notOwner, notOwner, notOwner]);
    // Both secrets at once, back to back: neither rotation may undo the other.
    const [edit, view] = [freshSecret(), freshSecret()];
    for (const [role, secret] of [
      ['edit', edit],
      ['view', view],
    ])
      owner.provider.sendStateless(
        JSON.stringify({ type: 'rotate-secret', role, secret, owner: ownerSecret }),
      );
    await waitFor('the peer to be told', () => peer.closes.includes('secret-rotated'));
    await waitFor('both rotations', () => owner.stateless.length === 2);
    const rejoined = open(relay.url, secrets.room, editToken({ ...secrets, edit }));
    await waitFor('the new edit link to sync', synced(rejoined));
    const viewer = open(relay.url, secrets.room, viewToken({ ...secrets, view }));
    await waitFor('the new view link to sync', synced(viewer));
    owner.provider.sendStateless(JSON.stringify({ type: 'delete-room', owner: ownerSecret }));
    await waitFor('the owner to be told', () => owner.closes.includes('room-deleted'));
    expect(owner.stateless).toEqual([
      JSON.stringify({ type: 'done', command: 'rotate-secret' }),
      JSON.stringify({ type: 'done', command: 'rotate-secret' }),
      JSON.stringify({ type: 'done', command: 'delete-room' }),
    ]);
  });

  it('never writes a secret or a token to its log', () => {
    const log = JSON.stringify(relay.logs);
    expect(relay.logs.length).toBeGreaterThan(10);
    for (const secret of secretsUsed) expect(log).not.toContain(secret);
  });
});
