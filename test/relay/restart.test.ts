import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openRoomStore } from '../../src/relay/roomStore';
import {
  connect,
  createToken,
  editToken,
  goalTitle,
  newRoom,
  removeDir,
  setGoal,
  startTestRelay,
  synced,
  tempDir,
  viewToken,
  waitFor,
  type Client,
} from './harness';
import { spawnRelay, stopRelay } from './relayProcess';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
const open = (...args: Parameters<typeof connect>): Client => {
  const client = connect(...args);
  cleanups.push(() => client.destroy());
  return client;
};

describe('the relay across restarts', () => {
  it('keeps every room when closed and reopened, and peers resync with edits made meanwhile', async () => {
    const first = await startTestRelay();
    const dataDir = first.dataDir;
    cleanups.push(() => removeDir(dataDir));
    const secrets = newRoom();
    const a = open(first.url, secrets.room, createToken(secrets));
    await waitFor('a to sync', synced(a));
    const b = open(first.url, secrets.room, editToken(secrets));
    await waitFor('b to sync', synced(b));
    setGoal(a.doc, 'g1', 'Before the restart');
    await waitFor('b to see it', () => goalTitle(b.doc, 'g1') === 'Before the restart');

    await first.close();
    setGoal(b.doc, 'g2', 'While the relay was down');
    const second = await startTestRelay({ dataDir, port: first.port });
    cleanups.push(() => second.close());

    await waitFor('a to get the edit made offline', () => goalTitle(a.doc, 'g2') !== undefined);
    const late = open(second.url, secrets.room, viewToken(secrets));
    await waitFor('a new viewer to see both edits', () => goalTitle(late.doc, 'g2') !== undefined);
    expect(goalTitle(late.doc, 'g1')).toBe('Before the restart');
    expect(goalTitle(late.doc, 'g2')).toBe('While the relay was down');
  });

  it('loses nothing when the relay process is killed (SIGKILL) mid-session', async () => {
    const dataDir = await tempDir();
    cleanups.push(() => removeDir(dataDir));
    let relay = await spawnRelay(dataDir, 0);
    const port = relay.port;
    cleanups.push(() => stopRelay(relay));
    const url = relay.url;
    const secrets = newRoom();
    const a = open(url, secrets.room, createToken(secrets));
    await waitFor('a to sync', synced(a));
    for (let i = 0; i < 20; i++) setGoal(a.doc, `g${i}`, `Goal ${i}`);
    // Killed at once: the last edits may not have reached the disk, only a's document.
    await stopRelay(relay);
    relay = await spawnRelay(dataDir, port);

    await waitFor('a to resync', synced(a), 10_000);
    const late = open(url, secrets.room, editToken(secrets));
    await waitFor('a new peer to see all 20 goals', () => goalTitle(late.doc, 'g19') !== undefined);
    expect(late.doc.getMap('goals').size).toBe(20);
    // …and it is on disk: the store holds a state that rebuilds the same document.
    const store = await openRoomStore(dataDir);
    const storedGoals = async () => {
      const stored = new Y.Doc();
      const state = await store.state(secrets.room);
      if (state !== undefined) Y.applyUpdate(stored, state);
      return stored.getMap('goals').size;
    };
    const end = Date.now() + 5000;
    while ((await storedGoals()) < 20 && Date.now() < end)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await storedGoals()).toBe(20);
  }, 30_000);
});
