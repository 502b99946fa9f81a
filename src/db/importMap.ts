import { asMapId, newId, type MapId } from '../domain/ids';
import { checkInvariants } from '../domain/invariants';
import type { MapDocument } from '../domain/model';
import { err, ok, type Result } from '../domain/result';
import type { ImportProblem } from '../io/problems';
import { createMap, type MapSummary } from './repository';
import type { CommonGroundDb } from './schema';
import { mapTables } from './tables';

/** A map an import added to the library, as it was stored. */
export interface ImportedIntoLibrary {
  readonly doc: MapDocument;
  readonly summary: MapSummary;
  /**
   * The id the file gave the map when a stored map already had it, so the new copy got a fresh id
   * (re-importing an export of the open map is the usual case). Null when the file's id was kept.
   */
  readonly replacedId: MapId | null;
}

async function isTaken(db: CommonGroundDb, id: MapId): Promise<boolean> {
  // Both tables: a library row without its document (or the reverse) must not be overwritten either.
  return (await db.maps.get(id)) !== undefined || (await db.documents.get(id)) !== undefined;
}

async function freeMapId(db: CommonGroundDb, wanted: MapId): Promise<MapId> {
  let id = wanted;
  while (await isTaken(db, id)) id = asMapId(newId('m'));
  return id;
}

/**
 * Adds an imported map to the library as a NEW map, in one transaction: either the map and its
 * library row are both stored, or (on any failure, e.g. a full disk) nothing stored changes.
 * Existing maps are never overwritten; a clashing id is replaced by a fresh one and reported.
 * The document is checked once more, so a caller that built it by hand (CSV) cannot store a
 * broken map.
 */
export async function importIntoLibrary(
  db: CommonGroundDb,
  parsed: MapDocument,
): Promise<Result<ImportedIntoLibrary, ImportProblem[]>> {
  const broken = checkInvariants(parsed);
  if (broken.length > 0) return err(broken);
  return db.transaction('rw', mapTables(db), async () => {
    const id = await freeMapId(db, parsed.map.id);
    const doc = id === parsed.map.id ? parsed : { ...parsed, map: { ...parsed.map, id } };
    const saved = await createMap(db, doc);
    // The id was checked free inside this same transaction: a conflict here is a bug, and
    // throwing rolls the transaction back.
    if (saved.status !== 'saved') throw new Error(`Map ${id} appeared during its own import.`);
    return ok({
      doc,
      summary: saved.summary,
      replacedId: id === parsed.map.id ? null : parsed.map.id,
    });
  });
}
