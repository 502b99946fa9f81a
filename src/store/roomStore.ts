import { createStore, useStore, type StoreApi } from 'zustand';
import { useApp } from './appContext';
import type { Resolution, SetAsideItem } from '../domain/repair';
import type { RoomRole } from '../io/roomLink';
import type { PresenceHandle } from './rooms/presence';

/**
 * The open map's room, as the toolbar and the Share dialog show it. Part of the first screen and
 * free of Yjs: the room's code (the Y.Doc, the relay connection) loads only for a shared map.
 */

/** Where this device stands with the relay. */
export type RoomConnection = 'connecting' | 'connected' | 'reconnecting' | 'offline';

export interface OpenRoom {
  readonly mapId: string;
  readonly roomId: string;
  readonly relay: string;
  readonly role: RoomRole;
  /** The secret this device joined with (of `role`). */
  readonly key: string;
  /** Only where the map was shared from: the view link's secret. */
  readonly viewKey?: string;
  /** Only where the map was shared from: the secret that lets it rotate or delete the room. */
  readonly ownerKey?: string;
}

export interface RoomData {
  /** Null: the open map is not shared (no network at all). */
  readonly room: OpenRoom | null;
  readonly connection: RoomConnection;
  /** Edits made on this device that the relay has not confirmed yet. */
  readonly pending: number;
  /**
   * Why the relay will not take this device back (the room was deleted, its secret rotated, a
   * wrong secret): said plainly instead of reconnecting forever. Null while all is well.
   */
  readonly ended: string | null;
  /** This device's own edits in the room that undo / redo can take back. */
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  /**
   * What the room's repair leaves out of the map (a link that closed a cycle with one added on
   * another device, a record whose goal was deleted elsewhere), listed in Map health until settled.
   */
  readonly setAside: readonly SetAsideItem[];
  /** Who else is in the room and where they look (rooms/presence.ts); null without a room. */
  readonly presence: PresenceHandle | null;
}

export interface RoomState extends RoomData {
  update(partial: Partial<RoomData>): void;
  /** The map is no longer shown as shared (left, or another map opened). */
  clear(): void;
}

const NO_ROOM: RoomData = {
  room: null,
  connection: 'connecting',
  pending: 0,
  ended: null,
  canUndo: false,
  canRedo: false,
  setAside: [],
  presence: null,
};

export function createRoomStore(): StoreApi<RoomState> {
  return createStore<RoomState>()((set) => ({
    ...NO_ROOM,
    update: (partial) => set(partial),
    clear: () => set(NO_ROOM),
  }));
}

/**
 * The resolutions a room settles with one click (RoomBinding.resolve): remove, keep as repaired,
 * attach to a goal or person chosen. Only the map's own details, written badly on another device,
 * are settled by editing them.
 */
export const oneClickResolutions = (item: SetAsideItem): readonly Resolution[] =>
  item.list === 'map' ? [] : item.resolutions;

export const selectRoom = (s: RoomData): OpenRoom | null => s.room;
export const selectViewOnly = (s: RoomData): boolean => s.room?.role === 'view';

/** How a device takes part in a workshop room. */
export type ParticipantRole = 'facilitator' | 'participant' | 'viewer';

/**
 * The facilitator is the device the map was shared from (only it keeps the view link's secret);
 * anyone else with the edit link is a participant, and a view-only link makes a viewer.
 */
export function participantRoleOf(room: OpenRoom): ParticipantRole {
  if (room.role === 'view') return 'viewer';
  return room.viewKey === undefined ? 'participant' : 'facilitator';
}

export function useRoomStore<T>(selector: (state: RoomState) => T): T {
  return useStore(useApp().roomStore, selector);
}
