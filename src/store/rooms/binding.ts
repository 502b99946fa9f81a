import * as Y from 'yjs';
import type { MapId } from '../../domain/ids';
import type { MapDocument } from '../../domain/model';
import { importMapObject, toFileObject, type ImportProblem } from '../../io/json';
import { readMapDocument } from '../../rooms/readRoom';
import { listMap, metaMap, ROOM_LISTS } from '../../rooms/roomShape';
import { writeEdit, writeMapDocument } from '../../rooms/writeRoom';

/**
 * The open map and its room's Y.Doc (laid out by src/rooms), both ways. What arrives is checked
 * record by record by the room reader, then as a whole map by the file importer, the validation
 * every stored map passes: a merged state it refuses is not shown (the last good map stays, and
 * the problems are told), so nothing that could not be stored reaches the editor.
 */

/** Marks this device's own edits: what undo may take back, and what is not read back in. */
const LOCAL = Symbol('this device');

export interface RoomBinding {
  readonly ydoc: Y.Doc;
  /** Writes one local edit (the change from `before` to `after`; the whole map without `before`). */
  writeLocal(before: MapDocument | null, after: MapDocument): void;
  /** The map the Y.Doc holds now, and why any of it is not shown; null while the room is empty. */
  read(): { doc: MapDocument; problems: readonly ImportProblem[] } | null;
  /** Runs on every change that did not come from writeLocal: other devices, undo, redo. */
  onChange(listener: () => void): () => void;
  /** Undoes only this device's edits, one edit per step. */
  readonly undoManager: Y.UndoManager;
  destroy(): void;
}

/**
 * Binds `ydoc` to the map stored here as `mapId`. Each device keeps the room's map under an id of
 * its own, so joining never collides with a map already here (everyone has the example map, under
 * one id).
 */
export function createRoomBinding(ydoc: Y.Doc, mapId: MapId): RoomBinding {
  const undoManager = new Y.UndoManager(
    [metaMap(ydoc), ...ROOM_LISTS.map((list) => listMap(ydoc, list))],
    // One step per edit: every local edit is one transaction, however close in time.
    { trackedOrigins: new Set([LOCAL]), captureTimeout: 0 },
  );
  let last: MapDocument | null = null;
  return {
    ydoc,
    undoManager,
    writeLocal(before, after) {
      if (before) writeEdit(ydoc, before, after, LOCAL);
      else writeMapDocument(ydoc, after, LOCAL);
      last = after;
    },
    read() {
      if (metaMap(ydoc).size === 0) return null;
      const read = readMapDocument(ydoc, last?.map ?? emptyInfo(mapId));
      const doc = { ...read.doc, map: { ...read.doc.map, id: mapId } };
      const imported = importMapObject(toFileObject(doc));
      if (!imported.ok) return last ? { doc: last, problems: imported.error } : null;
      last = imported.value.doc;
      return { doc: last, problems: [] };
    },
    onChange(listener) {
      const onUpdate = (_update: Uint8Array, origin: unknown) => {
        if (origin !== LOCAL) listener();
      };
      ydoc.on('update', onUpdate);
      return () => ydoc.off('update', onUpdate);
    },
    destroy() {
      undoManager.destroy();
    },
  };
}

/** The map's own fields while the room has none readable: the reader reports them missing. */
function emptyInfo(mapId: MapId): MapDocument['map'] {
  const now = new Date().toISOString();
  return { id: mapId, name: 'Shared map', description: '', createdAt: now, updatedAt: now };
}
