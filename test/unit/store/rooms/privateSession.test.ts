import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openDatabase } from '../../../../src/db/schema';
import { createApp, type App } from '../../../../src/store/app';
import { privatePerspectivesOf } from '../../../../src/store/privatePerspectives';
import { bindPrivatePerspectives } from '../../../../src/store/rooms/privateSession';
import type { OpenRoom } from '../../../../src/store/roomStore';
import {
  connect,
  createToken,
  editToken,
  newRoom,
  removeDir,
  startTestRelay,
  synced,
  waitFor,
  type Client,
  type TestRelay,
} from '../../../relay/harness';

/*
 * The app's side of private perspectives against a real relay in process: drafts typed on one
 * device reach the relay a moment later, the others learn only who has written, and the reveal
 * clears the writer's drafts (keeping any typed after the last send).
 */

let relay: TestRelay;
const cleanups: (() => void)[] = [];
beforeAll(async () => {
  relay = await startTestRelay();
});
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});
afterAll(async () => {
  await relay.close();
  await removeDir(relay.dataDir);
});

interface Device {
  readonly app: App;
  readonly client: Client;
}

function device(roomId: string, token: string, role: OpenRoom['role'], mapId: string): Device {
  const app = createApp({ db: openDatabase(mapId, new IDBFactory(), IDBKeyRange) });
  const client = connect(relay.url, roomId, token);
  const room: OpenRoom = { mapId, roomId, relay: relay.url, role, key: 'unused-here' };
  const stop = bindPrivatePerspectives(app, room, client.provider, client.doc);
  cleanups.push(() => {
    stop();
    client.destroy();
    void app.db.then((db) => db.close());
  });
  return { app, client };
}

const store = (d: Device) => privatePerspectivesOf(d.app).getState();

function addConflict(doc: Y.Doc): void {
  const record = new Y.Map<unknown>();
  record.set('title', 'Ship date');
  doc.getMap<Y.Map<unknown>>('conflicts').set('c1', record);
}

describe('private perspectives on a device', { timeout: 20_000 }, () => {
  it('sends a draft to the relay only, tells the others who wrote, and clears it on the reveal', async () => {
    const secrets = newRoom();
    const facilitator = device(secrets.room, createToken(secrets), 'edit', 'm-f');
    await waitFor('the facilitator in the room', synced(facilitator.client));
    const writer = device(secrets.room, editToken(secrets), 'edit', 'm-w');
    await waitFor('the writer in the room', synced(writer.client));
    addConflict(facilitator.client.doc);
    await waitFor('the conflict on the writer', () =>
      writer.client.doc.getMap('conflicts').has('c1'),
    );

    store(writer).setDraft('c1', 'dana', 'Only the relay reads this');
    await waitFor('the facilitator told', () =>
      (store(facilitator).written.get('c1') ?? []).includes('dana'),
    );
    expect(store(facilitator).announcement).toBe('dana has written theirs.');
    expect(facilitator.client.stateless.join('\n')).not.toContain('Only the relay reads this');
    expect(store(facilitator).drafts).toEqual([]);

    store(facilitator).channel?.reveal('c1');
    await waitFor('the reveal on the writer', () =>
      store(writer).announcement.startsWith('Perspectives revealed'),
    );
    expect(store(writer).drafts).toEqual([]);
    const perspectives = writer.client.doc
      .getMap<Y.Map<unknown>>('conflicts')
      .get('c1')
      ?.get('perspectives');
    expect(perspectives instanceof Y.Map ? perspectives.get('dana') : undefined).toBe(
      'Only the relay reads this',
    );
  });

  it('sends what was typed while the relay was away once it is back', async () => {
    const secrets = newRoom();
    const facilitator = device(secrets.room, createToken(secrets), 'edit', 'm-f2');
    await waitFor('the facilitator in the room', synced(facilitator.client));
    const writer = device(secrets.room, editToken(secrets), 'edit', 'm-w2');
    await waitFor('the writer in the room', synced(writer.client));
    const socket = writer.client.provider.configuration.websocketProvider;
    socket.disconnect();
    await waitFor('the writer out of the room', () => !writer.client.provider.isSynced);
    store(writer).setDraft('c1', 'tom', 'Typed offline');
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(store(facilitator).written.size).toBe(0);
    await socket.connect();
    await waitFor('the facilitator told', () =>
      (store(facilitator).written.get('c1') ?? []).includes('tom'),
    );
  });
});
