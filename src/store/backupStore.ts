import { createStore, useStore } from 'zustand';
import {
  getBackupStatus,
  recordExport,
  snoozeBackupReminder,
  type BackupStatus,
} from '../db/backup';
import type { MapId } from '../domain/ids';
import type { App } from './app';
import { useApp } from './appContext';

/**
 * The backup reminder: a map that lives only in this browser, and that the user has clearly
 * worked on, gets a quiet suggestion to export a copy. Never on a map just opened or created,
 * never again once exported, and not for a week after "Not now".
 */

/** Saved edits after which a map counts as the user's own work, even within one sitting. */
export const REMINDER_AFTER_SAVES = 20;
/** Goals and stakeholders a map needs before a copy of it is worth keeping. */
export const REMINDER_MIN_RECORDS = 3;
export const REMINDER_SNOOZE_MS = 7 * 24 * 3_600_000;

export function needsBackupReminder(status: BackupStatus | null, nowMs: number): boolean {
  if (!status || status.exportedAt !== undefined) return false;
  const snoozedAt = Date.parse(status.backupReminderSnoozedAt ?? '');
  if (nowMs - snoozedAt < REMINDER_SNOOZE_MS) return false;
  const { goals, stakeholders } = status.counts;
  // A snapshot means the user came back to the map after a pause: a second sitting.
  const worked = status.snapshotCount > 0 || status.revision >= REMINDER_AFTER_SAVES;
  return worked && goals + stakeholders >= REMINDER_MIN_RECORDS;
}

export interface BackupData {
  /** The map the answer is for. */
  readonly mapId: MapId | null;
  readonly remind: boolean;
}

export const createBackupStore = () =>
  createStore<BackupData>()(() => ({ mapId: null, remind: false }));

export function useBackupReminder(mapId: MapId): boolean {
  return useStore(useApp().backupStore, (s) => s.mapId === mapId && s.remind);
}

/**
 * Reads the stored map's status again (after a save, an export, a "Not now"). A failed read
 * keeps the last answer: the reminder is advice, and storage errors are reported by saving.
 */
export async function refreshBackupReminder(
  app: App,
  mapId: MapId,
  nowMs = Date.parse(app.clock()),
): Promise<void> {
  try {
    const status = await getBackupStatus(await app.db, mapId);
    app.backupStore.setState({ mapId, remind: needsBackupReminder(status, nowMs) });
  } catch {
    // Kept as it was; see above.
  }
}

/**
 * Notes a JSON or PNG export of the map. If that cannot be stored, the reminder simply stays and
 * suggests another export: the safe way to be wrong, so the failure is not reported.
 */
export async function noteExported(app: App, mapId: MapId, now = app.clock()): Promise<void> {
  await recordExport(await app.db, mapId, now).catch(() => undefined);
  await refreshBackupReminder(app, mapId, Date.parse(now));
}

/** "Not now": hidden at once; if the time cannot be stored, it comes back after the next save. */
export async function remindLater(app: App, mapId: MapId, now = app.clock()): Promise<void> {
  app.backupStore.setState({ mapId, remind: false });
  await snoozeBackupReminder(await app.db, mapId, now).catch(() => undefined);
}
