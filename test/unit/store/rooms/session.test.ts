import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openDatabase } from '../../../../src/db/schema';
import { linkGoals, unlinkGoals, updateGoal } from '../../../../src/domain/commands';
import { asGoalId, asLinkId, asMapId, type MapId } from '../../../../src/domain/ids';
import type { MapDocument } from '../../../../src/domain/model';
import { exportMapJson } from '../../../../src/io/json';
import { createApp, type App } from '../../../../src/store/app';
import { bindStore, type StoreBinding } from '../../../../src/store/rooms/session';
import { bigMap } from '../../../bench/json';

const start: MapDocument = bigMap(8);
const g = asGoalId;
const NETWORK = 'network';
const CLOCK = () => '2026-01-01T10:00:00.000Z';

interface Device {
  readonly app: App;
  readonly ydoc: Y.Doc;
  readonly bound: StoreBinding;
  /** Updates from the other device, waiting to be delivered. */
  readonly inbox: Uint8Array[];
}

const devices: Device[] = [];
afterEach(() => {
  for (const device of devices.splice(0)) {
    device.bound.stop();
    void device.app.db.then((db) => db.close());
  }
});

/** A device with the room's map open under `mapId`; the first writes it, the next joins. */
function device(mapId: MapId, joining: Device | null): Device {
  const app = createApp({ db: openDatabase(mapId, new IDBFactory(), IDBKeyRange), clock: CLOCK });
  const ydoc = new Y.Doc();
  if (joining) Y.applyUpdate(ydoc, Y.encodeStateAsUpdate(joining.ydoc), NETWORK);
  app.documentStore.getState().openDocument({ ...start, map: { ...start.map, id: mapId } });
  const made: Device = { app, ydoc, bound: bindStore(app, ydoc, mapId), inbox: [] };
  devices.push(made);
  return made;
}

/** Two devices in one room whose updates wait until `deliver` passes them on, as a relay would. */
function twoDevices(): [Device, Device] {
  const a = device(asMapId('m-a'), null);
  const b = device(asMapId('m-b'), a);
  a.ydoc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== NETWORK) b.inbox.push(update);
  });
  b.ydoc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== NETWORK) a.inbox.push(update);
  });
  return [a, b];
}

function deliver(...to: Device[]): void {
  for (const d of to)
    for (const update of d.inbox.splice(0)) Y.applyUpdate(d.ydoc, update, NETWORK);
}

const shown = (d: Device): MapDocument => {
  const doc = d.app.documentStore.getState().doc;
  if (!doc) throw new Error('no map open');
  return doc;
};
/** The map without this device's own id for it, to compare what two devices show. */
const content = (d: Device): string =>
  exportMapJson({ ...shown(d), map: { ...shown(d).map, id: asMapId('same') } });
const setAside = (d: Device) => d.app.roomStore.getState().setAside;

describe('a room bound to the document store', () => {
  it('shows the other device the map under its own id, and each edit both ways', () => {
    const [a, b] = twoDevices();
    expect(shown(b).map.id).toBe('m-b');
    b.app.documentStore.getState().apply((d) => updateGoal(d, g('g1'), { title: 'Typed on B' }));
    deliver(a);
    expect(shown(a).map.id).toBe('m-a');
    expect(shown(a).goals[1]?.title).toBe('Typed on B');
    expect(content(a)).toBe(content(b));
  });

  it('undoes only this device’s own edits, one edit per step, outside the store’s history', () => {
    const [a, b] = twoDevices();
    a.app.documentStore.getState().apply((d) => updateGoal(d, g('g1'), { title: 'A1' }));
    deliver(b);
    b.app.documentStore.getState().apply((d) => updateGoal(d, g('g2'), { title: 'B1' }));
    deliver(a);
    expect(a.app.roomStore.getState()).toMatchObject({ canUndo: true, canRedo: false });
    expect(a.app.documentStore.temporal.getState().pastStates).toEqual([]);
    a.app.documentStore.getState().undo();
    deliver(b);
    for (const d of [a, b]) {
      expect(
        shown(d)
          .goals.slice(1, 3)
          .map((goal) => goal.title),
      ).toEqual([start.goals[1]?.title, 'B1']);
    }
    expect(a.app.roomStore.getState()).toMatchObject({ canUndo: false, canRedo: true });
  });

  it('two devices closing a cycle at once show the same repaired map, and one removal settles it on both', () => {
    const [a, b] = twoDevices();
    // g4 contributes to g1 in this map; each device adds one half of a loop through g7.
    a.app.documentStore.getState().apply((d) => linkGoals(d, g('g1'), g('g7'), asLinkId('z-a')));
    b.app.documentStore.getState().apply((d) => linkGoals(d, g('g7'), g('g4'), asLinkId('y-b')));
    deliver(a, b);
    expect(content(a)).toBe(content(b));
    expect(shown(a).links.map((l) => l.id)).toContain('y-b');
    expect(shown(a).links.map((l) => l.id)).not.toContain('z-a');
    for (const d of [a, b])
      expect(setAside(d).map((i) => [i.id, i.cause])).toEqual([['z-a', 'cycle']]);
    const [item] = setAside(b);
    const remove = item?.resolutions.find((r) => r.action === 'remove');
    if (!item || !remove) throw new Error('a set-aside link that can be removed');
    b.bound.resolve(item, remove);
    deliver(a, b);
    for (const d of [a, b]) expect(setAside(d)).toEqual([]);
    expect(content(a)).toBe(content(b));
    // The removal is B's own edit: B can undo it, and the item is listed again on both.
    expect(b.app.roomStore.getState().canUndo).toBe(true);
    b.app.documentStore.getState().undo();
    deliver(a, b);
    for (const d of [a, b]) expect(setAside(d).map((i) => i.id)).toEqual(['z-a']);
  });

  it('a local edit that brings a set-aside record back shows it, without a step in the store’s own history', async () => {
    const [a, b] = twoDevices();
    a.app.documentStore.getState().apply((d) => linkGoals(d, g('g1'), g('g7'), asLinkId('z-a')));
    b.app.documentStore.getState().apply((d) => linkGoals(d, g('g7'), g('g4'), asLinkId('y-b')));
    deliver(a, b);
    // Taking away the kept half of the loop leaves the set-aside one free to show.
    a.app.documentStore.getState().apply((d) => unlinkGoals(d, { linkId: asLinkId('y-b') }));
    await Promise.resolve();
    deliver(b);
    for (const d of [a, b]) {
      expect(shown(d).links.map((l) => l.id)).toContain('z-a');
      expect(setAside(d)).toEqual([]);
      expect(d.app.documentStore.temporal.getState().pastStates).toEqual([]);
    }
    expect(content(a)).toBe(content(b));
  });
});
