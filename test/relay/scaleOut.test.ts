import { afterAll, describe, expect, it } from 'vitest';
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
import { hasRedisServer, startRedisServer } from './redisServer';

const redisInstalled = hasRedisServer();
if (!redisInstalled)
  console.warn(
    'Skipping the scale-out test: redis-server is not installed (apt-get install redis-server; CI installs it).',
  );

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe.skipIf(!redisInstalled)('relays sharing rooms through Redis', () => {
  it('a peer on each of two relays in one room: every edit reaches the other', async () => {
    const redis = await startRedisServer();
    cleanups.push(() => redis.stop());
    const dataDir = await tempDir();
    cleanups.push(() => removeDir(dataDir));
    const one = await startTestRelay({ dataDir, redisUrl: redis.url });
    cleanups.push(() => one.close());
    const two = await startTestRelay({ dataDir, redisUrl: redis.url });
    cleanups.push(() => two.close());

    const secrets = newRoom();
    const open = (url: string, token: string): Client => {
      const client = connect(url, secrets.room, token);
      cleanups.push(() => client.destroy());
      return client;
    };
    const a = open(one.url, createToken(secrets));
    await waitFor('a to sync on relay one', synced(a));
    setGoal(a.doc, 'g1', 'Written through relay one');
    const b = open(two.url, editToken(secrets));
    const viewer = open(two.url, viewToken(secrets));
    await waitFor('b on relay two to see it', () => goalTitle(b.doc, 'g1') !== undefined);
    setGoal(b.doc, 'g2', 'Written through relay two');
    await waitFor('a on relay one to see it', () => goalTitle(a.doc, 'g2') !== undefined);
    await waitFor(
      'the viewer on relay two to see both',
      () => goalTitle(viewer.doc, 'g2') !== undefined,
    );
    // Concurrent edits of one field on both relays end the same everywhere.
    setGoal(a.doc, 'g3', 'From one');
    setGoal(b.doc, 'g3', 'From two');
    await waitFor(
      'every peer to agree',
      () =>
        goalTitle(a.doc, 'g3') === goalTitle(b.doc, 'g3') &&
        goalTitle(viewer.doc, 'g3') === goalTitle(a.doc, 'g3'),
    );
    expect(goalTitle(a.doc, 'g1')).toBe('Written through relay one');
    expect(goalTitle(viewer.doc, 'g2')).toBe('Written through relay two');
  }, 20_000);
});
