import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getRoom, putRoom } from '../../../../src/db/rooms';
import { openDatabase } from '../../../../src/db/schema';
import { createApp, type App } from '../../../../src/store/app';
import type { OpenRoom } from '../../../../src/store/roomStore';
import { deleteOwnRoom, rotateRoomSecrets } from '../../../../src/store/rooms/owner';
import { readAnswer, type OwnerCommand } from '../../../../src/store/rooms/ownerCommand';
import type { RoomSession } from '../../../../src/store/rooms/session';

const shared: OpenRoom = {
  mapId: 'm-owner',
  roomId: 'room-owner-1',
  relay: 'ws://127.0.0.1:1',
  role: 'edit',
  key: 'e'.repeat(32),
  viewKey: 'v'.repeat(32),
  ownerKey: 'o'.repeat(32),
};

const apps: App[] = [];
afterEach(() => {
  for (const app of apps.splice(0)) void app.db.then((db) => db.close());
});

/** An app whose open map is `room`, with the relay's answers stood in for by `answer`. */
async function appIn(room: OpenRoom, answer: (command: OwnerCommand) => Promise<void>) {
  const app = createApp({ db: openDatabase(room.roomId, new IDBFactory(), IDBKeyRange) });
  apps.push(app);
  await putRoom(await app.db, room);
  app.roomStore.getState().update({ room, connection: 'connected' });
  const sent = vi.fn(answer);
  const session: RoomSession = {
    mapId: room.mapId,
    stop: () => undefined,
    resolve: () => undefined,
    ownerCommand: sent,
  };
  vi.spyOn(app.roomFollower, 'session').mockReturnValue(session);
  return { app, sent };
}

describe("the room's owner", () => {
  it('reads the relay’s answers to its commands and nothing else', () => {
    const done = JSON.stringify({ type: 'done', command: 'delete-room' });
    expect(readAnswer(done, 'delete-room')).toEqual({ done: true });
    expect(readAnswer(done, 'rotate-secret')).toBeUndefined();
    const refused = JSON.stringify({ type: 'refused', reason: 'not-owner' });
    expect(readAnswer(refused, 'rotate-secret')).toEqual({ done: false, reason: 'not-owner' });
    for (const other of ['', 'null', '[]', '{"type":"awareness"}', '{"type":"refused"}'])
      expect(readAnswer(other, 'delete-room')).toBeUndefined();
  });

  it('rotates both secrets, keeps them here and shows the new links', async () => {
    const { app, sent } = await appIn(shared, () => Promise.resolve());
    await rotateRoomSecrets(app);
    const commands = sent.mock.calls.map(([command]) => command);
    expect(commands.map((c) => (c.type === 'rotate-secret' ? c.role : c.type))).toEqual([
      'edit',
      'view',
    ]);
    const kept = await getRoom(await app.db, shared.mapId);
    const shown = app.roomStore.getState().room;
    expect(kept).toEqual(shown);
    expect(commands[0]).toMatchObject({ secret: shown?.key });
    expect(commands[1]).toMatchObject({ secret: shown?.viewKey });
    expect(shown?.key).not.toBe(shared.key);
    expect(shown?.viewKey).not.toBe(shared.viewKey);
    expect(shown?.ownerKey).toBe(shared.ownerKey);
  });

  it('keeps the new edit secret when the relay refuses the view one', async () => {
    const { app } = await appIn(shared, (command) =>
      command.type === 'rotate-secret' && command.role === 'view'
        ? Promise.reject(new Error('refused'))
        : Promise.resolve(),
    );
    await expect(rotateRoomSecrets(app)).rejects.toThrow('refused');
    const kept = await getRoom(await app.db, shared.mapId);
    expect(kept?.key).not.toBe(shared.key);
    expect(kept?.viewKey).toBe(shared.viewKey);
  });

  it('deletes the room: the map stays here, the room row goes; a refusal changes nothing', async () => {
    const refusing = await appIn(shared, () => Promise.reject(new Error('not-owner')));
    await expect(deleteOwnRoom(refusing.app)).rejects.toThrow('not-owner');
    expect(await getRoom(await refusing.app.db, shared.mapId)).toBeDefined();

    const { app } = await appIn({ ...shared, roomId: 'room-owner-2' }, () => Promise.resolve());
    await deleteOwnRoom(app);
    expect(await getRoom(await app.db, shared.mapId)).toBeUndefined();
    expect(app.sessionStore.getState().notice?.text).toMatch(/stays on this device/);
  });

  it('is refused on a device that did not share the map', async () => {
    const joined: OpenRoom = { ...shared, viewKey: undefined, ownerKey: undefined };
    const { app, sent } = await appIn(joined, () => Promise.resolve());
    await expect(rotateRoomSecrets(app)).rejects.toThrow(/Only the device that shared/);
    await expect(deleteOwnRoom(app)).rejects.toThrow(/Only the device that shared/);
    expect(sent).not.toHaveBeenCalled();
  });
});
