import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openRoomStore } from '../../src/relay/roomStore';
import {
  connect,
  createToken,
  editToken,
  newRoom,
  removeDir,
  startTestRelay,
  synced,
  viewToken,
  waitFor,
  type Client,
  type RoomSecrets,
  type TestRelay,
} from './harness';

let relay: TestRelay;
const cleanups: (() => Promise<void> | void)[] = [];

beforeAll(async () => {
  relay = await startTestRelay({ limits: { maxPerspectiveChars: 100, maxPrivatePerspectives: 3 } });
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
afterAll(async () => {
  await relay.close();
  await removeDir(relay.dataDir);
});

const open = (url: string, room: string, token: string): Client => {
  const client = connect(url, room, token);
  cleanups.push(() => client.destroy());
  return client;
};

const DANA = 'Dana would rather ship late than ship broken';
const TOM = 'Tom needs the quarter closed on time';

/** A conflict record as the app writes it (src/rooms/roomShape.ts), with an empty perspective. */
function addConflict(doc: Y.Doc, id: string): void {
  doc.transact(() => {
    const record = new Y.Map<unknown>();
    record.set('title', 'Ship date');
    record.set('parties', ['dana', 'tom']);
    const perspectives = new Y.Map<string>();
    perspectives.set('dana', '');
    record.set('perspectives', perspectives);
    doc.getMap<Y.Map<unknown>>('conflicts').set(id, record);
  });
}

function perspective(doc: Y.Doc, conflict: string, party: string): unknown {
  const record = doc.getMap<Y.Map<unknown>>('conflicts').get(conflict);
  const perspectives = record?.get('perspectives');
  return perspectives instanceof Y.Map ? perspectives.get(party) : undefined;
}

const write = (client: Client, conflict: string, party: string, text: string) =>
  client.provider.sendStateless(
    JSON.stringify({ type: 'write-perspective', conflict, party, text }),
  );
const reveal = (client: Client, conflict: string) =>
  client.provider.sendStateless(JSON.stringify({ type: 'reveal-perspectives', conflict }));

const written = (client: Client, conflict: string, parties: string[]) => () =>
  client.stateless.includes(
    JSON.stringify({ type: 'perspectives-written', written: { [conflict]: parties } }),
  );
const answered = (client: Client, answer: object) => () =>
  client.stateless.includes(JSON.stringify(answer));

/** A room with its facilitator (who shared it), a participant and a viewer, all synced. */
async function workshop(url = relay.url, secrets: RoomSecrets = newRoom()) {
  const facilitator = open(url, secrets.room, createToken(secrets));
  await waitFor('the facilitator to sync', synced(facilitator));
  const participant = open(url, secrets.room, editToken(secrets));
  const viewer = open(url, secrets.room, viewToken(secrets));
  await waitFor(
    'the others to sync',
    () => participant.provider.isSynced && viewer.provider.isSynced,
  );
  addConflict(facilitator.doc, 'c1');
  await waitFor('the conflict everywhere', () =>
    [participant, viewer].every((c) => c.doc.getMap('conflicts').has('c1')),
  );
  return { secrets, facilitator, participant, viewer };
}

/** Every byte a peer holds of the room's document, as text. */
const docText = (client: Client) =>
  Buffer.from(Y.encodeStateAsUpdate(client.doc)).toString('latin1');

describe('private perspectives on the relay', { timeout: 20_000 }, () => {
  it('keeps a written text out of the document, telling peers only who has written', async () => {
    const { facilitator, participant, viewer } = await workshop();
    write(participant, 'c1', 'dana', DANA);
    for (const peer of [facilitator, participant, viewer])
      await waitFor('the status', written(peer, 'c1', ['dana']));
    await waitFor(
      'the answer',
      answered(participant, { type: 'done', command: 'write-perspective' }),
    );
    for (const peer of [facilitator, participant, viewer]) {
      expect(peer.stateless.join('\n')).not.toContain(DANA);
      expect(docText(peer)).not.toContain(DANA);
      expect(perspective(peer.doc, 'c1', 'dana')).toBe('');
    }
    write(participant, 'c1', 'dana', '');
    await waitFor('the withdrawal', () =>
      participant.stateless.includes(JSON.stringify({ type: 'perspectives-written', written: {} })),
    );
  });

  it('reveals every text at once into the conflict, then forgets them', async () => {
    const { secrets, facilitator, participant, viewer } = await workshop();
    write(participant, 'c1', 'dana', DANA);
    write(facilitator, 'c1', 'tom', TOM);
    await waitFor('both written', written(viewer, 'c1', ['dana', 'tom']));
    const updates: number[] = [];
    viewer.doc.on('update', (update: Uint8Array) => updates.push(update.length));
    reveal(facilitator, 'c1');
    for (const peer of [facilitator, participant, viewer]) {
      await waitFor('the reveal', () => perspective(peer.doc, 'c1', 'tom') === TOM);
      expect(perspective(peer.doc, 'c1', 'dana')).toBe(DANA);
    }
    expect(updates).toHaveLength(1);
    await waitFor('the news', () =>
      viewer.stateless.includes(
        JSON.stringify({ type: 'perspectives-revealed', conflict: 'c1', parties: ['dana', 'tom'] }),
      ),
    );
    const files = await readdir(join(relay.dataDir, 'rooms'));
    expect(files).not.toContain(`${secrets.room}.private.json`);
    const stored = await openRoomStore(relay.dataDir);
    const state = await stored.state(secrets.room);
    expect(Buffer.from(state ?? new Uint8Array()).toString('latin1')).toContain(DANA);
  });

  it('does not hold again a text sent once more after its reveal, and tells the sender', async () => {
    const { facilitator, participant, viewer } = await workshop();
    write(participant, 'c1', 'dana', DANA);
    await waitFor('written', written(viewer, 'c1', ['dana']));
    reveal(facilitator, 'c1');
    await waitFor('the reveal', () => perspective(participant.doc, 'c1', 'dana') === DANA);
    // The reveal's own news (nothing held any more) may come after the document's update.
    await waitFor('the news', answered(participant, { type: 'perspectives-written', written: {} }));
    // As a device back from a lost connection sends its draft again.
    participant.stateless.length = 0;
    write(participant, 'c1', 'dana', DANA);
    await waitFor(
      'the sender told',
      answered(participant, { type: 'perspectives-revealed', conflict: 'c1', parties: ['dana'] }),
    );
    await waitFor(
      'the answer',
      answered(participant, { type: 'done', command: 'write-perspective' }),
    );
    expect(participant.stateless.join('\n')).not.toContain('perspectives-written');
    expect(perspective(viewer.doc, 'c1', 'dana')).toBe(DANA);
  });

  it('lets neither a participant reveal nor a viewer write or reveal', async () => {
    const { participant, viewer } = await workshop();
    write(participant, 'c1', 'dana', DANA);
    await waitFor('written', written(participant, 'c1', ['dana']));
    reveal(participant, 'c1');
    await waitFor(
      'the refusal',
      answered(participant, {
        type: 'refused',
        command: 'reveal-perspectives',
        reason: 'not-facilitator',
      }),
    );
    write(viewer, 'c1', 'tom', TOM);
    reveal(viewer, 'c1');
    for (const command of ['write-perspective', 'reveal-perspectives'])
      await waitFor(
        'the refusal',
        answered(viewer, { type: 'refused', command, reason: 'view-only' }),
      );
    expect(perspective(participant.doc, 'c1', 'dana')).toBe('');
    expect(participant.stateless.join('\n')).not.toContain('"tom"');
  });

  it('keeps texts within their limits: length per text and count per room', async () => {
    const { participant } = await workshop();
    write(participant, 'c1', 'dana', 'x'.repeat(101));
    await waitFor(
      'the refusal',
      answered(participant, {
        type: 'refused',
        command: 'write-perspective',
        reason: 'perspective-too-long: at most 100 characters',
      }),
    );
    for (const party of ['p1', 'p2', 'p3', 'p4'])
      write(participant, 'c1', party, `text of ${party}`);
    await waitFor(
      'the refusal',
      answered(participant, {
        type: 'refused',
        command: 'write-perspective',
        reason: 'too-many-perspectives: a room holds at most 3',
      }),
    );
    expect(written(participant, 'c1', ['p1', 'p2', 'p3'])()).toBe(true);
    // Rewriting a text already held is no new one.
    write(participant, 'c1', 'p2', 'rewritten');
    await waitFor(
      'the rewrite',
      () => participant.stateless.filter((s) => s.includes('"done"')).length === 4,
    );
  });

  it('closes only the socket of a malformed message', async () => {
    const { facilitator, participant } = await workshop();
    participant.provider.sendStateless(
      JSON.stringify({ type: 'write-perspective', conflict: 'c1' }),
    );
    await waitFor('the close', () => participant.closes.includes('malformed-message'));
    write(facilitator, 'c1', 'tom', TOM);
    await waitFor('the facilitator still served', written(facilitator, 'c1', ['tom']));
    expect(facilitator.closes).toEqual([]);
  });
});

describe('private perspectives across a relay restart', { timeout: 20_000 }, () => {
  it('loses nothing written before the relay stopped, and reveals it after', async () => {
    const first = await startTestRelay();
    const dataDir = first.dataDir;
    cleanups.push(() => removeDir(dataDir));
    let firstOpen = true;
    cleanups.push(() => (firstOpen ? first.close() : undefined));
    const { secrets, facilitator, participant } = await workshop(first.url);
    write(participant, 'c1', 'dana', DANA);
    await waitFor('written', written(facilitator, 'c1', ['dana']));
    const onDisk = await readFile(join(dataDir, 'rooms', `${secrets.room}.private.json`), 'utf8');
    expect(onDisk).toContain(DANA);
    // The conflict reached the disk, the text did not.
    const store = await openRoomStore(dataDir);
    const storedState = async () => {
      const end = Date.now() + 5000;
      for (;;) {
        const state = (await store.state(secrets.room)) ?? new Uint8Array();
        if (Buffer.from(state).toString('latin1').includes('Ship date') || Date.now() > end)
          return Buffer.from(state).toString('latin1');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    const state = await storedState();
    expect(state).toContain('Ship date');
    expect(state).not.toContain(DANA);

    const greetings = () => facilitator.stateless.filter((s) => s.includes('"dana"')).length;
    const before = greetings();
    firstOpen = false;
    await first.close();
    const second = await startTestRelay({ dataDir, port: first.port });
    cleanups.push(() => second.close());
    const late = open(second.url, secrets.room, viewToken(secrets));
    await waitFor('a new peer told who has written', written(late, 'c1', ['dana']));
    await waitFor('the facilitator back and told', () => greetings() > before);
    reveal(facilitator, 'c1');
    await waitFor('the reveal', () => perspective(late.doc, 'c1', 'dana') === DANA);
  });
});
