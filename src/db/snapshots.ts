import type { MapId } from '../domain/ids';
import type { MapDocument } from '../domain/model';
import { toFileObject } from '../io/json/document';
import { readStoredMap } from './storedMapReader';
import type { ImportProblem } from '../io/problems';
import { isPauseBefore, snapshotsToDrop } from './snapshotPolicy';
import type {
  CommonGroundDb,
  DocumentRow,
  MapCounts,
  SnapshotFileRow,
  SnapshotReason,
  SnapshotRow,
} from './schema';
import { mapTables } from './tables';

/**
 * Version history: snapshots of a map's earlier versions, taken inside the transaction that
 * overwrites them, pruned by snapshotPolicy, and read back through the validating importer.
 */

/** A snapshot with its content, as deleteMap hands it to restoreMap. */
export interface StoredSnapshot {
  readonly row: SnapshotRow;
  /** Null only if the content row was already gone. */
  readonly content: SnapshotFileRow | null;
}

export type SnapshotRead =
  | { readonly status: 'ok'; readonly snapshot: SnapshotRow; readonly doc: MapDocument }
  | { readonly status: 'damaged'; readonly id: number; readonly problems: readonly ImportProblem[] }
  | { readonly status: 'missing'; readonly id: number };

interface NewSnapshot {
  readonly mapId: string;
  readonly file: unknown;
  readonly savedAt: string;
  readonly revision: number;
  readonly reason: SnapshotReason;
}

/** How many records a stored file holds; it is not validated here, so anything unreadable is 0. */
function countRecords(file: unknown): MapCounts {
  const lengthOf = (key: string): number => {
    if (typeof file !== 'object' || file === null || !Object.hasOwn(file, key)) return 0;
    const value: unknown = Reflect.get(file, key);
    return Array.isArray(value) ? value.length : 0;
  };
  return {
    goals: lengthOf('goals'),
    stakeholders: lengthOf('stakeholders'),
    conflicts: lengthOf('conflicts'),
  };
}

const utf8 = new TextEncoder();

/** Bounds of every ISO time (they start with a digit), so no Dexie value is needed here. */
const EARLIEST = '';
const LATEST = '\uffff';

/** A map's snapshots in the order they were taken, oldest first. */
function snapshotsOfMap(db: CommonGroundDb, mapId: string) {
  return db.snapshots
    .where('[mapId+takenAt]')
    .between([mapId, EARLIEST], [mapId, LATEST], true, true);
}

/** FNV-1a over the UTF-16 code units: cheap, and different content almost never collides. */
function digestOf(json: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < json.length; i++) hash = Math.imul(hash ^ json.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/**
 * True when the map's newest snapshot already holds exactly this content. Size and digest rule
 * almost every case out without reading the snapshot; a match is confirmed on the content.
 */
async function isNewestContent(db: CommonGroundDb, mapId: string, json: string, digest: number) {
  const newest = await snapshotsOfMap(db, mapId).last();
  if (newest?.digest !== digest || newest.bytes !== utf8.encode(json).length) return false;
  const content = await db.snapshotFiles.get(newest.id);
  return content !== undefined && JSON.stringify(content.file) === json;
}

/** Drops what retention no longer keeps, content and listing together. */
async function prune(db: CommonGroundDb, mapId: string, nowMs: number): Promise<void> {
  const rows = await db.snapshots.where('mapId').equals(mapId).toArray();
  const drop = snapshotsToDrop(
    rows.map((r) => ({ id: r.id, takenAtMs: Date.parse(r.takenAt), bytes: r.bytes })),
    nowMs,
  );
  await db.snapshots.bulkDelete(drop);
  await db.snapshotFiles.bulkDelete(drop);
}

/** Adds a snapshot (unless it repeats the newest one) and prunes; call inside a transaction. */
async function addSnapshot(db: CommonGroundDb, entry: NewSnapshot, now: string): Promise<void> {
  const json = JSON.stringify(entry.file);
  const digest = digestOf(json);
  if (await isNewestContent(db, entry.mapId, json, digest)) return;
  const { file, ...rest } = entry;
  const bytes = utf8.encode(json).length;
  const counts = countRecords(file);
  const id = await db.snapshots.add({ ...rest, takenAt: now, counts, bytes, digest });
  await db.snapshotFiles.put({ id, file });
  await prune(db, entry.mapId, Date.parse(now));
}

/**
 * Called by saveMap, inside its transaction, before it overwrites `stored`: when editing resumes
 * after a pause, the version about to be overwritten becomes a snapshot. `fallbackSavedAt` (the
 * library row's last edit) dates rows written before the database recorded save times.
 */
export async function snapshotBeforeOverwrite(
  db: CommonGroundDb,
  stored: DocumentRow,
  fallbackSavedAt: string | undefined,
  now: string,
): Promise<void> {
  const savedAt = stored.savedAt ?? fallbackSavedAt ?? '';
  if (!isPauseBefore(Date.parse(savedAt), Date.parse(now))) return;
  const { id: mapId, file, revision } = stored;
  await addSnapshot(db, { mapId, file, revision, savedAt: savedAt || now, reason: 'pause' }, now);
}

/**
 * Keeps `doc` (the open map's content, saved or not) as a snapshot, e.g. before its content is
 * replaced wholesale. Its revision is the stored one the content was based on.
 */
export function takeSnapshot(
  db: CommonGroundDb,
  doc: MapDocument,
  reason: SnapshotReason,
  now = new Date().toISOString(),
): Promise<void> {
  return db.transaction('rw', mapTables(db), async () => {
    const stored = await db.documents.get(doc.map.id);
    const entry = {
      mapId: doc.map.id,
      file: toFileObject(doc),
      savedAt: doc.map.updatedAt,
      revision: stored?.revision ?? 0,
      reason,
    };
    await addSnapshot(db, entry, now);
  });
}

/** A map's snapshots, newest first, without their content. */
export async function listSnapshots(db: CommonGroundDb, mapId: MapId): Promise<SnapshotRow[]> {
  return (await snapshotsOfMap(db, mapId).toArray()).reverse();
}

/** A snapshot's content through the same validation and migrations as an opened file. */
export async function loadSnapshot(db: CommonGroundDb, id: number): Promise<SnapshotRead> {
  const [snapshot, content] = await db.transaction('r', [db.snapshots, db.snapshotFiles], () =>
    Promise.all([db.snapshots.get(id), db.snapshotFiles.get(id)]),
  );
  if (!snapshot || !content) return { status: 'missing', id };
  const imported = await readStoredMap(content.file);
  if (!imported.ok) return { status: 'damaged', id, problems: imported.error };
  return { status: 'ok', snapshot, doc: imported.value.doc };
}

/** Removes a map's snapshots (inside deleteMap's transaction) and returns them for an undo. */
export async function removeSnapshots(
  db: CommonGroundDb,
  mapId: string,
): Promise<StoredSnapshot[]> {
  const rows = await db.snapshots.where('mapId').equals(mapId).toArray();
  const ids = rows.map((r) => r.id);
  const contents = await db.snapshotFiles.bulkGet(ids);
  await db.snapshots.bulkDelete(ids);
  await db.snapshotFiles.bulkDelete(ids);
  return rows.map((row, i) => ({ row, content: contents[i] ?? null }));
}

/** Puts back what removeSnapshots returned, under the same ids (inside restoreMap's transaction). */
export async function putBackSnapshots(
  db: CommonGroundDb,
  snapshots: readonly StoredSnapshot[],
): Promise<void> {
  await db.snapshots.bulkPut(snapshots.map((s) => s.row));
  await db.snapshotFiles.bulkPut(snapshots.flatMap((s) => (s.content ? [s.content] : [])));
}
