import type { MapId } from '../domain/ids';
import { DEFAULT_ORIENTATION, isOrientation, type Orientation } from '../domain/orientation';
import type { CommonGroundDb, MapRow } from './schema';

/**
 * How this device shows a map (its orientation), kept on the map's library row like the backup
 * fields: a view setting, so it never enters the document, its revision, its undo history or
 * its file, and a save carries it over.
 */
type ViewFields = Pick<MapRow, 'orientation'>;

/** The view fields of the row a save replaces, so that a save never forgets them. */
export function viewFieldsOf(previous: MapRow | undefined): ViewFields {
  return previous?.orientation === undefined ? {} : { orientation: previous.orientation };
}

/** The map's orientation; top-down for a map never switched, or a row that says something else. */
export async function getOrientation(db: CommonGroundDb, id: MapId): Promise<Orientation> {
  const stored: unknown = (await db.maps.get(id))?.orientation;
  return isOrientation(stored) ? stored : DEFAULT_ORIENTATION;
}

export async function setOrientation(
  db: CommonGroundDb,
  id: MapId,
  orientation: Orientation,
): Promise<void> {
  await db.maps.update(id, { orientation });
}
