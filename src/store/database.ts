import type { CommonGroundDb } from '../db/schema';

/**
 * The app's one database handle, set once by boot. Kept here rather than passed through React so
 * that store actions (open, rename, delete a map) reach storage while the UI never touches it.
 */
let current: CommonGroundDb | null = null;

export function setDatabase(db: CommonGroundDb): void {
  current = db;
}

export function getDatabase(): CommonGroundDb {
  if (!current) throw new Error('The database is not open yet: boot opens it before rendering.');
  return current;
}
