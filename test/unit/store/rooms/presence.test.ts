import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { openDatabase } from '../../../../src/db/schema';
import { createExampleMap } from '../../../../src/domain/exampleMap';
import { createApp, type App } from '../../../../src/store/app';
import { startPresence, type PresenceHandle } from '../../../../src/store/rooms/presence';
import type { OpenRoom } from '../../../../src/store/roomStore';

const example = createExampleMap('2026-01-01T00:00:00.000Z');
const NETWORK = 'network';

interface Device {
  readonly app: App;
  readonly awareness: Awareness;
  readonly presence: PresenceHandle;
  readonly stop: () => void;
}

const devices: Device[] = [];
afterEach(() => {
  for (const d of devices.splice(0)) {
    d.stop();
    void d.app.db.then((db) => db.close());
  }
});

const room = (facilitator: boolean): OpenRoom => ({
  mapId: example.map.id,
  roomId: 'room-presence',
  relay: 'ws://127.0.0.1:1',
  role: 'edit',
  key: 'k'.repeat(22),
  ...(facilitator ? { viewKey: 'v'.repeat(22) } : {}),
});

/** A device whose awareness reaches every other device's at once, as through a relay. */
function device(name: string, facilitator = false): Device {
  const app = createApp({ db: openDatabase(`presence-${name}`, new IDBFactory(), IDBKeyRange) });
  app.documentStore.getState().openDocument(example);
  const awareness = new Awareness(new Y.Doc());
  awareness.on(
    'update',
    (
      { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
      origin: unknown,
    ) => {
      if (origin === NETWORK) return;
      const update = encodeAwarenessUpdate(awareness, [...added, ...updated, ...removed]);
      for (const other of devices)
        if (other.awareness !== awareness) applyAwarenessUpdate(other.awareness, update, NETWORK);
    },
  );
  for (const other of devices)
    applyAwarenessUpdate(
      awareness,
      encodeAwarenessUpdate(other.awareness, [other.awareness.clientID]),
      NETWORK,
    );
  const started = startPresence(app, room(facilitator), awareness);
  started.handle.setProfile(name, '#1864ab');
  const made = { app, awareness, presence: started.handle, stop: () => started.stop() };
  devices.push(made);
  return made;
}

const view = (d: Device) => d.presence.store.getState();

describe('presence on the room’s awareness', () => {
  it('lists the others with their names and roles, and says who joined and left', () => {
    const ada = device('Ada', true);
    const bea = device('Bea');
    expect(view(ada).peers.map((p) => [p.name, p.role])).toEqual([['Bea', 'participant']]);
    expect(view(bea).peers.map((p) => [p.name, p.role])).toEqual([['Ada', 'facilitator']]);
    expect(view(ada).announcement).toContain('joined the room');
    const leaving = devices.pop();
    leaving?.stop();
    expect(view(ada).peers).toEqual([]);
    expect(view(ada).announcement).toBe('Bea left the room.');
  });

  it('Bring everyone to me makes the others follow; an own move stops it with a notice', () => {
    const ada = device('Ada', true);
    const bea = device('Bea');
    ada.presence.bringEveryone();
    expect(view(bea).following).toBe(ada.awareness.clientID);
    expect(view(ada).peers[0]?.following).toBe(ada.awareness.clientID);
    bea.presence.ownMove('moved the map');
    expect(view(bea).following).toBeNull();
    expect(view(bea).notice).toMatch(/stopped following Ada\. Choose “Follow Ada”/);
  });

  it('mirrors the facilitator’s walk on a follower; walking on one’s own stops following', () => {
    const ada = device('Ada', true);
    const bea = device('Bea');
    bea.presence.follow(ada.awareness.clientID);
    const conflict = example.conflicts[0];
    if (!conflict) throw new Error('no conflict');
    ada.app.sessionStore.getState().openConflict(conflict);
    ada.app.workshopStore.getState().start();
    ada.app.workshopStore.getState().next(5);
    expect(bea.app.workshopStore.getState()).toMatchObject({ active: true, step: 1 });
    expect(bea.app.sessionStore.getState().openConflictId).toBe(conflict.id);
    bea.app.workshopStore.getState().previous();
    expect(view(bea).following).toBeNull();
    ada.app.workshopStore.getState().next(5);
    expect(bea.app.workshopStore.getState().step).toBe(0);
  });

  it('takes nothing from a participant that only the facilitator may send', () => {
    const ada = device('Ada', true);
    const bea = device('Bea');
    bea.awareness.setLocalStateField('presence', {
      ...bea.awareness.getLocalState()?.presence,
      summon: 99,
      laser: true,
    });
    expect(view(ada).following).toBeNull();
    expect(view(ada).peers[0]?.laser).toBe(false);
  });
});
