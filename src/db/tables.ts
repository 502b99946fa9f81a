import type { CommonGroundDb } from './schema';

/**
 * Every table a map's data lives in. A transaction that writes a map spans all of them, so that
 * a save and the snapshot it takes (or a delete and the snapshots it removes) happen together.
 * Apart from schema.ts so that code which only reads and writes imports no Dexie value: the
 * lazily loaded screens then share storage code without pulling Dexie out of the main chunk.
 */
export function mapTables(db: CommonGroundDb) {
  return [db.maps, db.documents, db.snapshots, db.snapshotFiles];
}
