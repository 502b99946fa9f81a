import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BackupStatus } from '../../../src/db/backup';
import { saveMap } from '../../../src/db/repository';
import { openDatabase, type CommonGroundDb } from '../../../src/db/schema';
import { createExampleMap } from '../../../src/domain/exampleMap';
import {
  needsBackupReminder,
  noteExported,
  refreshBackupReminder,
  remindLater,
  REMINDER_AFTER_SAVES,
  REMINDER_SNOOZE_MS,
} from '../../../src/store/backupStore';
import { createApp, type App } from '../../../src/store/app';

let app: App;
const NOW = Date.parse('2026-03-01T12:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

/** A map the user has worked on in two sittings and never exported. */
const worked: BackupStatus = {
  revision: 4,
  counts: { goals: 5, stakeholders: 2, conflicts: 0 },
  snapshotCount: 1,
};

describe('needsBackupReminder', () => {
  it('reminds about a map worked on (after a pause, or many edits) and never exported', () => {
    expect(needsBackupReminder(worked, NOW)).toBe(true);
    const oneSitting = { ...worked, snapshotCount: 0 };
    expect(needsBackupReminder(oneSitting, NOW)).toBe(false);
    expect(needsBackupReminder({ ...oneSitting, revision: REMINDER_AFTER_SAVES }, NOW)).toBe(true);
  });

  it('stays quiet for a map with next to nothing in it, once exported, and for a week after Not now', () => {
    const empty = { ...worked, counts: { goals: 1, stakeholders: 1, conflicts: 4 } };
    expect(needsBackupReminder(empty, NOW)).toBe(false);
    expect(needsBackupReminder({ ...worked, exportedAt: iso(NOW - 1e10) }, NOW)).toBe(false);
    const snoozed = { ...worked, backupReminderSnoozedAt: iso(NOW - REMINDER_SNOOZE_MS + 1) };
    expect(needsBackupReminder(snoozed, NOW)).toBe(false);
    expect(needsBackupReminder(snoozed, NOW + 1)).toBe(true);
    expect(needsBackupReminder(null, NOW)).toBe(false);
  });
});

describe('the backup reminder of a stored map', () => {
  let db: CommonGroundDb;
  const example = createExampleMap(iso(NOW));
  const mapId = example.map.id;
  const remind = () =>
    app.backupStore.getState().mapId === mapId && app.backupStore.getState().remind;

  beforeEach(async () => {
    db = openDatabase('backup', new IDBFactory(), IDBKeyRange);
    app = createApp({ db });
    await saveMap(db, example, undefined, iso(NOW - 3_600_000));
  });
  afterEach(() => {
    db.close();
  });

  it('appears once the map is edited again after a pause, and goes once it is exported', async () => {
    await refreshBackupReminder(app, mapId, NOW);
    expect(remind()).toBe(false);
    await saveMap(db, { ...example, goals: example.goals.slice(1) }, undefined, iso(NOW));
    await refreshBackupReminder(app, mapId, NOW);
    expect(remind()).toBe(true);
    await noteExported(app, mapId, iso(NOW + 1000));
    expect(remind()).toBe(false);
    expect((await db.maps.get(mapId))?.exportedAt).toBe(iso(NOW + 1000));
  });

  it('Not now hides it and it stays hidden after later saves', async () => {
    await saveMap(db, { ...example, goals: example.goals.slice(1) }, undefined, iso(NOW));
    await refreshBackupReminder(app, mapId, NOW);
    expect(remind()).toBe(true);
    await remindLater(app, mapId, iso(NOW));
    expect(remind()).toBe(false);
    await saveMap(db, example, undefined, iso(NOW + 60_000));
    await refreshBackupReminder(app, mapId, NOW + 60_000);
    expect(remind()).toBe(false);
  });
});
