import {
  createMap,
  ensureStarterMaps,
  getLastOpenedMapId,
  listMaps,
  loadMap,
} from '../db/repository';
import { openDatabase, type CommonGroundDb } from '../db/schema';
import { createExampleMap } from '../domain/exampleMap';
import { createEmptyMap } from '../domain/factories';
import type { MapId } from '../domain/ids';
import type { MapDocument } from '../domain/model';
import { formatProblem } from '../io/json';
import { sessionStore } from '../store/sessionStore';
import { openMapSession } from './mapSession';

const now = (): string => new Date().toISOString();

/** Loads one stored map; a map that fails validation is reported and left untouched on disk. */
async function tryLoad(
  db: CommonGroundDb,
  id: MapId,
): Promise<{ doc: MapDocument; revision: number } | null> {
  const loaded = await loadMap(db, id);
  if (loaded.status === 'ok') return { doc: loaded.doc, revision: loaded.revision };
  if (loaded.status === 'invalid') {
    const first = loaded.problems[0];
    sessionStore.getState().showNotice({
      kind: 'error',
      text: `A stored map could not be opened and was left as it is${first ? ` (${formatProblem(first)})` : ''}.`,
    });
  }
  return null;
}

/** The last map the user had open; else the newest valid one; else a new empty map. */
async function pickStartMap(db: CommonGroundDb): Promise<{ doc: MapDocument; revision: number }> {
  const last = await getLastOpenedMapId(db);
  const opened = last ? await tryLoad(db, last) : null;
  if (opened) return opened;
  for (const summary of await listMaps(db)) {
    if (summary.id === last) continue;
    const candidate = await tryLoad(db, summary.id);
    if (candidate) return candidate;
  }
  const empty = createEmptyMap('Untitled map', now());
  const created = await createMap(db, empty);
  return { doc: empty, revision: created.status === 'saved' ? created.summary.revision : 0 };
}

/**
 * Boot order: open the database, create the example map on first run, open the last map.
 * Rendering waits for this, so the first screen never shows an empty canvas that then jumps.
 */
export async function boot(): Promise<void> {
  const db = openDatabase();
  await ensureStarterMaps(db, () => createExampleMap(now()));
  const { doc, revision } = await pickStartMap(db);
  openMapSession(db, doc, revision);
}
