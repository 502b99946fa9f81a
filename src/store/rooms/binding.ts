import * as Y from 'yjs';
import type { MapDocument } from '../../domain/model';
import { importMapObject, toFileObject, type ImportProblem, type MapFile } from '../../io/json';

/**
 * The open map on a Y.Doc, both ways: each list of records (goals, links, …) is a Y.Map keyed by
 * id of Y.Maps of fields, so two devices editing different fields of one goal both keep theirs.
 * What arrives is read back through the file importer, the same validation every stored map
 * passes; a merged state it refuses is not shown (the last good map stays, the problems are told).
 */

const LISTS = [
  'goals',
  'links',
  'stakeholders',
  'incentives',
  'conflicts',
  'tradeOffs',
  'reportingLines',
] as const;
type ListName = (typeof LISTS)[number];
type FileRecord = { readonly id: string };

/** Marks this device's own edits: what undo may take back, and what is not read back in. */
const LOCAL = Symbol('this device');

export interface RoomBinding {
  readonly ydoc: Y.Doc;
  /** Writes one local edit (the change from `before` to `after`) as one undo step. */
  writeLocal(before: MapDocument | null, after: MapDocument): void;
  /** The map the Y.Doc holds now, or why it cannot be shown; null while it is empty. */
  read(): { doc: MapDocument; problems: readonly ImportProblem[] } | null;
  /** Runs on every change that did not come from writeLocal: other devices, undo, redo. */
  onChange(listener: () => void): () => void;
  readonly undoManager: Y.UndoManager;
  destroy(): void;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

function writeFields(target: Y.Map<unknown>, before: object | undefined, after: object): void {
  const old = new Map(Object.entries(before ?? {}));
  for (const [field, value] of Object.entries(after)) {
    if (!old.has(field) || !same(old.get(field), value)) target.set(field, value ?? null);
  }
  for (const field of old.keys()) if (!(field in after)) target.delete(field);
}

function writeList(
  target: Y.Map<Y.Map<unknown>>,
  before: readonly FileRecord[],
  after: readonly FileRecord[],
) {
  const old = new Map(before.map((r) => [r.id, r]));
  for (const record of after) {
    const existing = target.get(record.id);
    if (existing) writeFields(existing, old.get(record.id), record);
    else target.set(record.id, new Y.Map(Object.entries(record)));
  }
  const kept = new Set(after.map((r) => r.id));
  for (const id of old.keys()) if (!kept.has(id)) target.delete(id);
}

const recordsOf = (file: MapFile | null, list: ListName): readonly FileRecord[] =>
  file ? file[list] : [];

/** Records in the order this device had them, new ones after in id order: the same everywhere. */
function ordered(records: FileRecord[], previous: readonly FileRecord[] | undefined): FileRecord[] {
  const rank = new Map((previous ?? []).map((r, i) => [r.id, i]));
  return records.sort((a, b) => {
    const ra = rank.get(a.id) ?? Infinity;
    const rb = rank.get(b.id) ?? Infinity;
    return ra !== rb ? ra - rb : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}

/** A map's info without its id: each device keeps the room's map under an id of its own. */
function withoutId(info: MapFile['map']): Omit<MapFile['map'], 'id'> {
  const { name, description, createdAt, updatedAt } = info;
  return { name, description, createdAt, updatedAt };
}

/**
 * Binds `ydoc` to the map stored here as `mapId`. The map's id is not part of the room: every
 * device keeps the room's map under its own id, so joining never collides with a map already
 * here (everyone has the example map, under one id).
 */
export function createRoomBinding(ydoc: Y.Doc, mapId: string): RoomBinding {
  const info = ydoc.getMap<unknown>('map');
  const lists = new Map(LISTS.map((list) => [list, ydoc.getMap<Y.Map<unknown>>(list)]));
  const undoManager = new Y.UndoManager([info, ...lists.values()], {
    trackedOrigins: new Set([LOCAL]),
    // One step per edit: every local edit is one transaction, however close in time.
    captureTimeout: 0,
  });
  let last: MapFile | null = null;

  const readFile = (): unknown => {
    const file: Record<string, unknown> = {
      format: 'common-ground',
      version: 2,
      map: { ...info.toJSON(), id: mapId },
    };
    for (const [list, ymap] of lists) {
      const records = [...ymap.entries()].map(([id, fields]) => ({ ...fields.toJSON(), id }));
      file[list] = ordered(records, recordsOf(last, list));
    }
    return file;
  };

  return {
    ydoc,
    undoManager,
    writeLocal(before, after) {
      const from = before ? toFileObject(before) : null;
      const to = toFileObject(after);
      ydoc.transact(() => {
        writeFields(info, from ? withoutId(from.map) : undefined, withoutId(to.map));
        for (const [list, ymap] of lists)
          writeList(ymap, recordsOf(from, list), recordsOf(to, list));
      }, LOCAL);
      last = to;
    },
    read() {
      if (info.size === 0) return null;
      const imported = importMapObject(readFile());
      if (!imported.ok)
        return last ? { doc: importedOrThrow(last), problems: imported.error } : null;
      last = toFileObject(imported.value.doc);
      return { doc: imported.value.doc, problems: [] };
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

/** A file this binding wrote itself from a valid map: reading it back cannot fail. */
function importedOrThrow(file: MapFile): MapDocument {
  const imported = importMapObject(file);
  if (!imported.ok) throw new Error('A map written from a valid document no longer imports.');
  return imported.value.doc;
}
