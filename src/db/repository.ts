import { asMapId, newId, type MapId } from '../domain/ids';
import type { MapDocument } from '../domain/model';
import { toFileObject } from '../io/json/document';
import { problem, type ImportProblem } from '../io/problems';
import { backupFieldsOf } from './backup';
import { viewFieldsOf } from './mapView';
import type { CommonGroundDb, DocumentRow, MapRow, RoomRow, RoomUpdateRow } from './schema';
import { removeRoom } from './rooms';
import { mapTables } from './tables';
import { loadStoredMapReader, readStoredMapNow } from './storedMapReader';
import {
  putBackSnapshots,
  removeSnapshots,
  snapshotBeforeOverwrite,
  type StoredSnapshot,
} from './snapshots';

/** A map as the library lists it. */
export type MapSummary = Omit<MapRow, 'id'> & { readonly id: MapId };

export type MissingMap = { readonly status: 'missing'; readonly id: MapId };
/** A stored map the importer refused; it is reported and left exactly as it is on disk. */
export type InvalidMap = {
  readonly status: 'invalid';
  readonly id: MapId;
  readonly problems: readonly ImportProblem[];
};

export type LoadResult =
  | {
      readonly status: 'ok';
      readonly doc: MapDocument;
      /** Pass back to saveMap as expectedRevision to detect another tab's writes. */
      readonly revision: number;
      /** What the importer repaired or migrated while reading the stored map. */
      readonly warnings: readonly ImportProblem[];
    }
  | MissingMap
  | InvalidMap;

export type SaveResult =
  | { readonly status: 'saved'; readonly summary: MapSummary }
  | {
      readonly status: 'conflict';
      readonly id: MapId;
      readonly expectedRevision: number;
      readonly storedRevision: number;
    };

/** The outcome of a library action on a stored map (duplicate, rename). */
export type MapActionResult =
  { readonly status: 'ok'; readonly summary: MapSummary } | MissingMap | InvalidMap;

/** Everything a deleted map was made of, so that "undo delete" restores it byte for byte. */
export interface DeletedMap {
  readonly summary: MapSummary;
  /** Null only if the document row was already gone; the raw row, valid or not. */
  readonly document: DocumentRow | null;
  /** Its version history, so that undoing the delete brings that back too. */
  readonly snapshots: readonly StoredSnapshot[];
  /** Its room on this device, when it was shared, and the room's updates kept here. */
  readonly room: RoomRow | undefined;
  readonly roomUpdates: readonly RoomUpdateRow[];
}

/** The revision of a map that has never been stored: createMap expects it. */
export const UNSAVED_REVISION = 0;

const toSummary = (row: MapRow): MapSummary => ({ ...row, id: asMapId(row.id) });

function summarize(doc: MapDocument, revision: number): MapSummary {
  return {
    id: doc.map.id,
    name: doc.map.name,
    createdAt: doc.map.createdAt,
    updatedAt: doc.map.updatedAt,
    counts: {
      goals: doc.goals.length,
      stakeholders: doc.stakeholders.length,
      conflicts: doc.conflicts.length,
    },
    revision,
  };
}

/** Most recently changed first. */
export async function listMaps(db: CommonGroundDb): Promise<MapSummary[]> {
  const rows = await db.maps.orderBy('updatedAt').reverse().toArray();
  return rows.map(toSummary);
}

/** The revision a map is stored at now; null when it is not stored (deleted, or never saved). */
export async function getStoredRevision(db: CommonGroundDb, id: MapId): Promise<number | null> {
  return (await db.maps.get(id))?.revision ?? null;
}

/** A map's stored file object as it is, without reading it through the importer; null if none. */
export async function readStoredFile(db: CommonGroundDb, id: MapId): Promise<unknown> {
  return (await db.documents.get(id))?.file ?? null;
}

/** Reads a stored map through the same validation and migrations as an imported file. */
export async function loadMap(db: CommonGroundDb, id: MapId): Promise<LoadResult> {
  await loadStoredMapReader();
  return loadMapInTransaction(db, id);
}

/**
 * `loadMap` inside a transaction, which must not wait for the importer's code: its caller
 * awaited `loadStoredMapReader` before the transaction began.
 */
export async function loadMapInTransaction(db: CommonGroundDb, id: MapId): Promise<LoadResult> {
  const row = await db.documents.get(id);
  if (!row) return { status: 'missing', id };
  const imported = readStoredMapNow(row.file);
  if (!imported.ok) return { status: 'invalid', id, problems: imported.error };
  const { doc, warnings } = imported.value;
  if (doc.map.id !== id) {
    const stray = problem('map.id', `The map stored as "${id}" says it is "${doc.map.id}".`);
    return { status: 'invalid', id, problems: [stray] };
  }
  return { status: 'ok', doc, revision: row.revision, warnings };
}

/**
 * Stores the map and its library entry in one transaction and bumps the revision. With
 * `expectedRevision`, nothing is written unless the stored revision still equals it
 * (compare-and-set), so a writer holding an outdated copy learns about it instead of overwriting.
 * When editing resumes after a pause, the version overwritten is kept as a snapshot, in the same
 * transaction: either both are stored or neither.
 */
export function saveMap(
  db: CommonGroundDb,
  doc: MapDocument,
  expectedRevision?: number,
  now = new Date().toISOString(),
): Promise<SaveResult> {
  return db.transaction('rw', mapTables(db), async (): Promise<SaveResult> => {
    const stored = await db.documents.get(doc.map.id);
    const storedRevision = stored?.revision ?? UNSAVED_REVISION;
    if (expectedRevision !== undefined && expectedRevision !== storedRevision) {
      return { status: 'conflict', id: doc.map.id, expectedRevision, storedRevision };
    }
    const previous = await db.maps.get(doc.map.id);
    if (stored) await snapshotBeforeOverwrite(db, stored, previous?.updatedAt, now);
    const summary = {
      ...summarize(doc, storedRevision + 1),
      ...backupFieldsOf(previous),
      ...viewFieldsOf(previous),
    };
    await db.maps.put(summary);
    const file = toFileObject(doc);
    await db.documents.put({ id: doc.map.id, revision: summary.revision, file, savedAt: now });
    return { status: 'saved', summary };
  });
}

/** Stores a new map; refuses (as a conflict) if a map with its id already exists. */
export function createMap(db: CommonGroundDb, doc: MapDocument): Promise<SaveResult> {
  return saveMap(db, doc, UNSAVED_REVISION);
}

/** Loads, changes and stores a map in one transaction, so no other write slips in between. */
async function updateStoredMap(
  db: CommonGroundDb,
  id: MapId,
  now: string,
  change: (doc: MapDocument) => MapDocument,
): Promise<MapActionResult> {
  await loadStoredMapReader();
  return db.transaction('rw', mapTables(db), async (): Promise<MapActionResult> => {
    const loaded = await loadMapInTransaction(db, id);
    if (loaded.status !== 'ok') return loaded;
    const next = change(loaded.doc);
    const expected = next.map.id === id ? loaded.revision : UNSAVED_REVISION;
    const saved = await saveMap(db, next, expected, now);
    // Inside this transaction nobody else writes, and new ids are fresh: a conflict is a bug.
    if (saved.status !== 'saved')
      throw new Error(`Map ${saved.id} changed during its own transaction.`);
    return { status: 'ok', summary: saved.summary };
  });
}

/** Copies a map under a new id, named "<name> (copy)", shown as the original is (orientation). */
export async function duplicateMap(
  db: CommonGroundDb,
  id: MapId,
  now = new Date().toISOString(),
): Promise<MapActionResult> {
  const view = viewFieldsOf(await db.maps.get(id));
  const copied = await copyUnderNewId(db, id, now);
  if (copied.status === 'ok') await db.maps.update(copied.summary.id, view);
  return copied;
}

function copyUnderNewId(db: CommonGroundDb, id: MapId, now: string): Promise<MapActionResult> {
  return updateStoredMap(db, id, now, (doc) => ({
    ...doc,
    map: {
      ...doc.map,
      id: asMapId(newId('m')),
      name: `${doc.map.name} (copy)`,
      createdAt: now,
      updatedAt: now,
    },
  }));
}

export function renameMap(
  db: CommonGroundDb,
  id: MapId,
  name: string,
  now = new Date().toISOString(),
): Promise<MapActionResult> {
  return updateStoredMap(db, id, now, (doc) => ({
    ...doc,
    map: { ...doc.map, name, updatedAt: now },
  }));
}

/** Removes a map (valid or not) and returns what restoreMap needs; null if there was none. */
export function deleteMap(db: CommonGroundDb, id: MapId): Promise<DeletedMap | null> {
  return db.transaction(
    'rw',
    [...mapTables(db), db.settings, db.rooms, db.roomUpdates],
    async (): Promise<DeletedMap | null> => {
      const summary = await db.maps.get(id);
      const document = await db.documents.get(id);
      if (!summary) return null;
      await db.maps.delete(id);
      await db.documents.delete(id);
      const snapshots = await removeSnapshots(db, id);
      const room = await db.rooms.get(id);
      const roomUpdates = await db.roomUpdates.where({ mapId: id }).toArray();
      await removeRoom(db, id);
      if ((await getLastOpenedMapId(db)) === id) await setLastOpenedMapId(db, null);
      return {
        summary: toSummary(summary),
        document: document ?? null,
        snapshots,
        room,
        roomUpdates,
      };
    },
  );
}

/** Undoes deleteMap: puts back the library entry, the document and its history as they were. */
export function restoreMap(db: CommonGroundDb, deleted: DeletedMap): Promise<void> {
  return db.transaction('rw', [...mapTables(db), db.rooms, db.roomUpdates], async () => {
    await db.maps.put(deleted.summary);
    if (deleted.document) await db.documents.put(deleted.document);
    await putBackSnapshots(db, deleted.snapshots);
    // Undoing the delete of a shared map rejoins its room.
    if (deleted.room) await db.rooms.put(deleted.room);
    await db.roomUpdates.bulkPut([...deleted.roomUpdates]);
  });
}

export async function getLastOpenedMapId(db: CommonGroundDb): Promise<MapId | null> {
  const row = await db.settings.get('lastOpenedMapId');
  return row?.key === 'lastOpenedMapId' && typeof row.value === 'string'
    ? asMapId(row.value)
    : null;
}

export async function setLastOpenedMapId(db: CommonGroundDb, id: MapId | null): Promise<void> {
  if (id === null) await db.settings.delete('lastOpenedMapId');
  else await db.settings.put({ key: 'lastOpenedMapId', value: id });
}

/** True until the first run has created the starter content (ensureStarterMaps checks again). */
export async function needsStarterMaps(db: CommonGroundDb): Promise<boolean> {
  return (await db.settings.get('starterCreated'))?.value !== true;
}

/**
 * A first visit, once the editor's first save of its example was tried (see libraryStore's
 * openFirst): the example is the map to open, and starter content counts as made, so no later
 * start makes the example again. Claimed after that save, so that a tab opened meanwhile never
 * finds starter content made and no map stored (ensureStarterMaps stores or keeps it).
 */
export function claimStarterMaps(db: CommonGroundDb, exampleId: MapId): Promise<void> {
  return db.transaction('rw', db.settings, async () => {
    if (!(await needsStarterMaps(db))) return;
    await setLastOpenedMapId(db, exampleId);
    await db.settings.put({ key: 'starterCreated', value: true });
  });
}

/**
 * First run: stores the example map and opens it next. Runs once per database, ever: once the
 * flag is set, a user who deleted the example does not get it back on the next start. An example
 * already stored (a tab on its first visit stored it and has not claimed it yet) is kept as it is.
 * Returns the id of the example opened next, or null when starter content was created before.
 */
export function ensureStarterMaps(
  db: CommonGroundDb,
  createExample: () => MapDocument,
): Promise<MapId | null> {
  return db.transaction('rw', [...mapTables(db), db.settings], async (): Promise<MapId | null> => {
    if (!(await needsStarterMaps(db))) return null;
    const example = createExample();
    await saveMap(db, example, UNSAVED_REVISION);
    await setLastOpenedMapId(db, example.map.id);
    await db.settings.put({ key: 'starterCreated', value: true });
    return example.map.id;
  });
}
