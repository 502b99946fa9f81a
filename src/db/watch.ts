import type { MapId } from '../domain/ids';
import { listMaps, type MapSummary } from './repository';
import type { CommonGroundDb } from './schema';

/** Stops a watch. */
export type Unwatch = () => void;

/**
 * Calls back with a map's stored revision (null once it is deleted) whenever it may have changed,
 * whichever tab wrote it: Dexie's live queries hear commits of every tab of this origin, and a
 * hidden tab hears them when it becomes visible again.
 */
export function watchStoredRevision(
  db: CommonGroundDb,
  id: MapId,
  onRevision: (revision: number | null) => void,
  onError: (error: unknown) => void,
): Unwatch {
  const subscription = db
    .live(() => db.maps.get(id))
    .subscribe({
      next: (row) => {
        onRevision(row?.revision ?? null);
      },
      error: onError,
    });
  return () => {
    subscription.unsubscribe();
  };
}

/** Calls back with the library (as listMaps gives it) whenever any tab changed it. */
export function watchLibrary(
  db: CommonGroundDb,
  onMaps: (maps: MapSummary[]) => void,
  onError: (error: unknown) => void,
): Unwatch {
  const subscription = db.live(() => listMaps(db)).subscribe({ next: onMaps, error: onError });
  return () => {
    subscription.unsubscribe();
  };
}

/**
 * When a newer version of the app (another tab) needs to upgrade the database, this tab first
 * finishes what it must (`beforeClose`: write pending edits), then lets go of the database so the
 * upgrade can go ahead. From then on this tab writes nothing: its code knows only the old schema.
 */
export function onUpgradeElsewhere(db: CommonGroundDb, beforeClose: () => Promise<void>): Unwatch {
  const handler = (): false => {
    void beforeClose()
      .catch(() => undefined)
      .finally(() => {
        db.close();
      });
    // Overrides Dexie's default, which closes at once (dropping the pending write).
    return false;
  };
  db.on('versionchange', handler);
  return () => {
    db.on('versionchange').unsubscribe(handler);
  };
}
