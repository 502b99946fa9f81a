import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { openRoomStore } from '../../src/relay/roomStore';
import {
  connect,
  createToken,
  editToken,
  frames,
  goalTitle,
  newRoom,
  rawSocket,
  removeDir,
  setGoal,
  startTestRelay,
  synced,
  titleUpdate,
  waitFor,
  type Client,
  type RawSocket,
  type RoomSecrets,
  type TestRelay,
} from './harness';

const limits = {
  maxMessageBytes: 1024 * 1024,
  messagesPerSecond: 100,
  messageBurst: 200,
  maxDocumentBytes: 256 * 1024,
  maxPendingFrames: 64,
};

let relay: TestRelay;
/** A room two honest peers keep using while others attack the relay. */
let bystanders: { secrets: RoomSecrets; a: Client; b: Client; edits: number };
const clients: Client[] = [];

beforeAll(async () => {
  relay = await startTestRelay({ limits });
  const secrets = newRoom();
  const a = connect(relay.url, secrets.room, createToken(secrets));
  await waitFor('a to sync', synced(a));
  const b = connect(relay.url, secrets.room, editToken(secrets));
  await waitFor('b to sync', synced(b));
  clients.push(a, b);
  bystanders = { secrets, a, b, edits: 0 };
});

afterAll(async () => {
  for (const client of clients) client.destroy();
  await relay.close();
  await removeDir(relay.dataDir);
});

/** The bystanders' room still works, and what the relay stored of it is whole. */
async function otherRoomsStillServed(): Promise<void> {
  const n = ++bystanders.edits;
  setGoal(bystanders.a.doc, `g${n}`, `Edit ${n}`);
  await waitFor(
    'the bystander to see it',
    () => goalTitle(bystanders.b.doc, `g${n}`) === `Edit ${n}`,
  );
  const store = await openRoomStore(relay.dataDir);
  const stored = new Y.Doc();
  const storedGoals = async () => {
    const state = await store.state(bystanders.secrets.room);
    if (state !== undefined) Y.applyUpdate(stored, state);
    return stored.getMap('goals').size;
  };
  const end = Date.now() + 3000;
  while ((await storedGoals()) < n && Date.now() < end)
    await new Promise((resolve) => setTimeout(resolve, 20));
  expect(await storedGoals()).toBe(n);
}

/** A raw socket admitted to a fresh room with its edit secret (returns the room too). */
async function admittedSocket(): Promise<{ raw: RawSocket; secrets: RoomSecrets }> {
  const secrets = newRoom();
  const raw = await rawSocket(relay.url);
  raw.ws.send(frames.auth(secrets.room, createToken(secrets)));
  await waitFor('the raw socket to be admitted', () => raw.received.length > 0);
  return { raw, secrets };
}

function frame(room: string, write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarString(e, room);
  write(e);
  return encoding.toUint8Array(e);
}

describe('hostile input to the relay', () => {
  it('closes a socket that sends bytes that are not a Hocuspocus frame', async () => {
    const raw = await rawSocket(relay.url);
    raw.ws.send(Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]));
    expect((await raw.closed).code).toBeGreaterThanOrEqual(4000);
    await otherRoomsStillServed();
  });

  it('closes a joined socket that sends an unknown message type or a garbled update', async () => {
    const unknown = await admittedSocket();
    unknown.raw.ws.send(frame(unknown.secrets.room, (e) => encoding.writeVarUint(e, 99)));
    expect(await unknown.raw.closed).toEqual({ code: 4400, reason: 'malformed-message' });

    const garbled = await admittedSocket();
    const garbage = Uint8Array.from({ length: 64 }, (_, i) => (i * 37 + 11) % 256);
    garbled.raw.ws.send(
      frame(garbled.secrets.room, (e) => {
        encoding.writeVarUint(e, 0); // Sync
        encoding.writeVarUint(e, 2); // Update
        encoding.writeVarUint8Array(e, garbage);
      }),
    );
    expect(await garbled.raw.closed).toEqual({ code: 4400, reason: 'malformed-message' });
    await otherRoomsStillServed();
  });

  it('refuses a frame over the size limit, such as an update adding a 10 MB title', async () => {
    const { raw, secrets } = await admittedSocket();
    raw.ws.send(frames.update(secrets.room, titleUpdate('huge', 'x'.repeat(10 * 1024 * 1024))));
    expect((await raw.closed).code).toBe(1009);
    const peer = connect(relay.url, secrets.room, editToken(secrets));
    clients.push(peer);
    await waitFor('a peer to sync', synced(peer));
    expect(goalTitle(peer.doc, 'huge')).toBeUndefined();
    await otherRoomsStillServed();
  });

  it('refuses an update that would take the room past its document size', async () => {
    const { raw, secrets } = await admittedSocket();
    // Under the frame limit each, over the room's limit together.
    for (const id of ['first', 'second'])
      raw.ws.send(frames.update(secrets.room, titleUpdate(id, 'y'.repeat(160 * 1024))));
    await waitFor('the refusal', () =>
      relay.logs.some(
        (l) => l.event === 'refused' && String(l.fields.reason).startsWith('document-too-large'),
      ),
    );
    const peer = connect(relay.url, secrets.room, editToken(secrets));
    clients.push(peer);
    await waitFor(
      'a peer to sync',
      () => synced(peer)() && goalTitle(peer.doc, 'first') !== undefined,
    );
    expect(goalTitle(peer.doc, 'second')).toBeUndefined();
    raw.ws.close();
    await otherRoomsStillServed();
  });

  it('closes a socket that floods the relay, and only that socket', async () => {
    const { raw, secrets } = await admittedSocket();
    const update = frames.update(secrets.room, titleUpdate('flood', 'flood'));
    for (let sent = 0; sent < 1000; sent++) raw.ws.send(update);
    expect(await raw.closed).toEqual({
      code: 4429,
      reason: `rate-limited: over ${limits.messagesPerSecond} messages a second`,
    });
    await otherRoomsStillServed();
  });

  it('closes a socket that piles up frames for a room it never joined', async () => {
    const raw = await rawSocket(relay.url);
    const secrets = newRoom();
    for (let i = 0; i < limits.maxPendingFrames + 5; i++)
      raw.ws.send(frames.update(secrets.room, titleUpdate('g', `pending ${i}`)));
    expect(await raw.closed).toEqual({ code: 4429, reason: 'too-many-messages-before-joining' });
    await otherRoomsStillServed();
  });
});
