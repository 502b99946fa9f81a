import type { MapId } from '../domain/ids';
import type { CommonGroundDb, MapCounts, MapRow } from './schema';

/**
 * Whether a map has a copy outside this browser: the time of its last export and of the user's
 * "Not now" to the reminder, kept on the library row. They describe the user's files, not the
 * map, so they never enter the document, its revision or its undo history.
 */

type BackupFields = Pick<MapRow, 'exportedAt' | 'backupReminderSnoozedAt'>;

/** What the backup reminder decides on, for one stored map. */
export interface BackupStatus extends BackupFields {
  readonly revision: number;
  readonly counts: MapCounts;
  readonly snapshotCount: number;
}

/** The backup fields of the row a save replaces, so that a save never forgets an export. */
export function backupFieldsOf(previous: MapRow | undefined): BackupFields {
  const fields: { exportedAt?: string; backupReminderSnoozedAt?: string } = {};
  if (previous?.exportedAt !== undefined) fields.exportedAt = previous.exportedAt;
  if (previous?.backupReminderSnoozedAt !== undefined) {
    fields.backupReminderSnoozedAt = previous.backupReminderSnoozedAt;
  }
  return fields;
}

export async function getBackupStatus(db: CommonGroundDb, id: MapId): Promise<BackupStatus | null> {
  return db.transaction('r', [db.maps, db.snapshots], async () => {
    const row = await db.maps.get(id);
    if (!row) return null;
    const snapshotCount = await db.snapshots.where('mapId').equals(id).count();
    return { ...backupFieldsOf(row), revision: row.revision, counts: row.counts, snapshotCount };
  });
}

/** Notes that the map was just exported (JSON, or PNG with the map inside). */
export async function recordExport(db: CommonGroundDb, id: MapId, now: string): Promise<void> {
  await db.maps.update(id, { exportedAt: now });
}

/** Notes that the user put the backup reminder off. */
export async function snoozeBackupReminder(
  db: CommonGroundDb,
  id: MapId,
  now: string,
): Promise<void> {
  await db.maps.update(id, { backupReminderSnoozedAt: now });
}
