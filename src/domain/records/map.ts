import { asMapId, newId, type MapId } from '../ids';
import { ID, nonBlank, type RecordRules } from './rules';

/** The map's own fields: the file's `map` object. */
export interface MapInfo {
  readonly id: MapId;
  readonly name: string;
  readonly description: string;
  /** ISO 8601 timestamps, as in the file format. */
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** Timestamps are the file format's (ISO 8601), checked where files are read. */
export const MAP_RULES = {
  id: ID,
  name: nonBlank('A map needs a name.'),
} satisfies RecordRules<MapInfo>;

export function newMapInfo(name: string, now: string, id?: MapId): MapInfo {
  return {
    id: id ?? asMapId(newId('m')),
    name,
    description: '',
    createdAt: now,
    updatedAt: now,
  };
}
