import { HocuspocusProvider, WebSocketStatus } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { asMapId, type MapId } from '../../domain/ids';
import { createEmptyMap } from '../../domain/factories';
import type { Resolution, SetAsideItem } from '../../domain/repair';
import { isSameContent } from '../../domain/sameValue';
import { appendRoomUpdate, readRoomState } from '../../db/rooms';
import type { CommonGroundDb } from '../../db/schema';
import { RoomBinding, type RoomView } from '../../rooms/roomBinding';
import { metaMap } from '../../rooms/roomShape';
import { writeMapDocument } from '../../rooms/writeRoom';
import type { App } from '../app';
import { sendOwnerCommand, type OwnerCommand } from './ownerCommand';
import type { OpenRoom, RoomData } from '../roomStore';
import { startPresence } from './presence';
import { sendOwnAwarenessOnly } from './ownAwareness';

/**
 * The open map's room: a Y.Doc kept on this device (every update stored as it happens, so the map
 * opens and is edited offline), tied to the document store both ways, and to the relay while it
 * can be reached. Loaded only for a shared map: nothing here is on the first screen.
 */
export interface RoomSession {
  readonly mapId: string;
  /** Stops talking to the relay and to the store; what is kept on this device stays. */
  stop(): void;
  /** Settles one of the room's set-aside items with one of its resolutions. */
  resolve(item: SetAsideItem, resolution: Resolution, attachTo?: string): void;
  /** Sends an owner's command to the relay; resolves once the relay has taken it. */
  ownerCommand(command: OwnerCommand): Promise<void>;
}

/** After this long without the relay, "Reconnecting" becomes "Offline". */
const OFFLINE_AFTER_MS = 4000;

/** The token the relay admits a connection with (src/relay/token.ts). */
export function roomToken(room: OpenRoom): string {
  return JSON.stringify({
    v: 1,
    role: room.role,
    secret: room.key,
    ...(room.viewKey === undefined ? {} : { viewSecret: room.viewKey }),
    ...(room.ownerKey === undefined ? {} : { ownerSecret: room.ownerKey }),
  });
}

/** Why the relay will not take this device back, in words; null for a passing disconnect. */
export function describeRefusal(reason: string): string | null {
  if (reason.startsWith('wrong-secret') || reason.startsWith('bad-token'))
    return 'The relay refused this link’s key: it is wrong or was changed. Ask for a new link; this map stays on this device.';
  if (reason.startsWith('secret-rotated'))
    return 'The room’s owner changed its secret, so this link no longer opens it. Ask for a new link; this map stays on this device.';
  if (reason.startsWith('room-deleted'))
    return 'The room was deleted by its owner. This map stays on this device as it is.';
  if (reason.startsWith('room-not-found'))
    return 'The relay does not know this room (it was deleted, or the link is wrong). This map stays on this device.';
  if (reason.startsWith('document-too-large') || reason.startsWith('rate-limited'))
    return `The relay refused an edit (${reason}).`;
  return null;
}

/** A Y.Doc with what this device kept of the room. */
export async function loadRoomDoc(db: CommonGroundDb, mapId: string): Promise<Y.Doc> {
  const ydoc = new Y.Doc();
  const kept = await readRoomState(db, mapId, (updates) => Y.mergeUpdates(updates));
  if (kept) Y.applyUpdate(ydoc, kept, 'kept');
  return ydoc;
}

/** Every update of the room's document, kept on this device as it happens. */
function keepUpdates(db: CommonGroundDb, mapId: string, ydoc: Y.Doc): () => void {
  const onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === 'kept') return;
    appendRoomUpdate(db, mapId, update).catch((error: unknown) => {
      console.error('A room update could not be kept on this device:', error);
    });
  };
  ydoc.on('update', onUpdate);
  return () => ydoc.off('update', onUpdate);
}

/** Stands in for the map's own fields until the room's arrive (they replace it, id aside). */
export const roomPlaceholder = (mapId: MapId, now: string) =>
  createEmptyMap('Shared map', now, mapId);

/** The store's map and the room, in step both ways, and the room's own undo. */
export interface StoreBinding {
  /** Settles a set-aside item (one undoable edit of this device). */
  readonly resolve: (item: SetAsideItem, resolution: Resolution, attachTo?: string) => void;
  stop(): void;
}

/**
 * The document store and the Y.Doc, in step both ways. The store shows the room's repaired map
 * (the same on every device) and roomStore lists what the repair set aside.
 */
export function bindStore(app: App, ydoc: Y.Doc, mapId: MapId): StoreBinding {
  const { documentStore, roomStore } = app;
  const stored = documentStore.getState().doc;
  const current = stored?.map.id === mapId ? stored : null;
  // A room with nothing in it yet is the map as stored here; otherwise the room's version wins
  // (the stored map and the room may differ: edits kept before a crash).
  if (metaMap(ydoc).size === 0 && current) writeMapDocument(ydoc, current);
  let applying = false;
  const show = (view: RoomView) => {
    roomStore.getState().update({ setAside: view.setAside });
    const shown = documentStore.getState().doc;
    if (shown?.map.id !== mapId || isSameContent(shown, view.doc)) return;
    applying = true;
    try {
      documentStore.getState().applyRemote(view.doc);
    } finally {
      applying = false;
    }
  };
  let stopped = false;
  const binding = new RoomBinding(ydoc, {
    local: current ?? roomPlaceholder(mapId, app.clock()),
    // A repair of this device's own edit arrives while the store is still setting that edit:
    // shown right after, so it never lands in the store's own history (it is paused around sets,
    // and a nested set would resume it early).
    onChange: (view, change) => {
      if (change !== 'repair') show(view);
      else
        queueMicrotask(() => {
          if (!stopped) show(binding.view);
        });
    },
  });
  const showUndo = () =>
    roomStore.getState().update({ canUndo: binding.canUndo(), canRedo: binding.canRedo() });
  /** Runs a change of this device's own and shows what it did to undo. */
  const own = (change: () => unknown) => {
    change();
    showUndo();
  };
  const unsubscribe = documentStore.subscribe(({ doc: after }, { doc: before }) => {
    if (applying || !after || !before || after === before) return;
    if (after.map.id !== mapId || before.map.id !== mapId) return;
    own(() => binding.applyLocalEdit(before, after));
  });
  documentStore.getState().shareUndo({
    undo: () => own(() => binding.undo()),
    redo: () => own(() => binding.redo()),
  });
  show(binding.view);
  showUndo();
  return {
    resolve: (item, resolution, attachTo) => own(() => binding.resolve(item, resolution, attachTo)),
    stop() {
      stopped = true;
      unsubscribe();
      documentStore.getState().shareUndo(null);
      binding.destroy();
    },
  };
}

/** The relay's connection, shown in the toolbar; a refusal for good stops reconnecting. */
function connect(app: App, room: OpenRoom, ydoc: Y.Doc): HocuspocusProvider {
  const { roomStore } = app;
  // A stopped session (another map, a newer link for this room) must not speak for the next
  // one: its socket's late close or its offline timer would overwrite the new room's status.
  let destroyed = false;
  const update = (partial: Partial<RoomData>) => {
    if (!destroyed) roomStore.getState().update(partial);
  };
  let offlineTimer: ReturnType<typeof setTimeout> | undefined;
  let provider: HocuspocusProvider | null = null;
  const end = (reason: string) => {
    const ended = describeRefusal(reason);
    if (!ended) return false;
    update({ ended, connection: 'offline' });
    // Nothing a retry can change: the same key would be refused again.
    setTimeout(() => provider?.disconnect(), 0);
    return true;
  };
  provider = new HocuspocusProvider({
    url: room.relay,
    name: room.roomId,
    document: ydoc,
    // Read at each (re)connection: the owner may have rotated the secret since.
    token: () => roomToken(roomStore.getState().room ?? room),
    onStatus: ({ status }) => {
      clearTimeout(offlineTimer);
      if (status === WebSocketStatus.Connected) return;
      if (roomStore.getState().ended) return;
      if (roomStore.getState().connection === 'offline') return;
      update({ connection: 'reconnecting' });
      offlineTimer = setTimeout(() => update({ connection: 'offline' }), OFFLINE_AFTER_MS);
    },
    onSynced: ({ state }) => {
      if (state) update({ connection: 'connected', ended: null });
    },
    onUnsyncedChanges: ({ number }) => update({ pending: number }),
    onAuthenticationFailed: ({ reason }) => {
      if (!end(reason)) end('wrong-secret');
    },
    onClose: ({ event }) => {
      end(event.reason);
    },
    onDestroy: () => {
      destroyed = true;
      clearTimeout(offlineTimer);
    },
  });
  return provider;
}

/** Starts the room of the open map: the store, the Y.Doc kept here and the relay in step. */
export async function startRoomSession(app: App, room: OpenRoom): Promise<RoomSession> {
  const { documentStore, roomStore } = app;
  const db = await app.db;
  const ydoc = await loadRoomDoc(db, room.mapId);
  roomStore.getState().update({ room, connection: 'connecting', pending: 0, ended: null });
  documentStore.getState().setReadOnly(room.role === 'view');
  const stopKeeping = keepUpdates(db, room.mapId, ydoc);
  const bound = bindStore(app, ydoc, asMapId(room.mapId));
  const provider = connect(app, room, ydoc);
  // Its own chunk, so the first screen's list of lazy parts does not grow with it.
  const { bindPrivatePerspectives } = await import('./privateSession');
  const stopPrivate = bindPrivatePerspectives(app, room, provider, ydoc);
  sendOwnAwarenessOnly(provider);
  const presence = provider.awareness ? startPresence(app, room, provider.awareness) : null;
  roomStore.getState().update({ presence: presence?.handle ?? null });
  return {
    mapId: room.mapId,
    resolve: bound.resolve,
    ownerCommand: (command) =>
      sendOwnerCommand(provider, roomStore.getState().room ?? room, command),
    stop() {
      stopPrivate();
      presence?.stop();
      provider.destroy();
      bound.stop();
      stopKeeping();
      ydoc.destroy();
      documentStore.getState().setReadOnly(false);
      roomStore.getState().clear();
    },
  };
}
