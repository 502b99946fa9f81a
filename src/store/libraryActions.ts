import {
  type LoadResult,
  type MapSummary,
  createMap as storeNewMap,
  deleteMap as removeStoredMap,
  duplicateMap as copyStoredMap,
  getLastOpenedMapId,
  listMaps,
  loadMap,
  renameMap as renameStoredMap,
  readStoredFile,
  restoreMap,
} from '../db/repository';
import { watchLibrary } from '../db/watch';
import { renameMap as renameCommand } from '../domain/commands';
import type { MapId } from '../domain/ids';
import type { MapDocument } from '../domain/model';
import { describeError } from '../domain/result';
import { formatProblem, type ImportProblem } from '../io/json';
import { problem } from '../io/problems';
import { getDatabase } from './database';
import { documentStore } from './documentStore';
import type { LibraryData } from './libraryStore';
import { openMapSession, type MapSession } from './mapSession';
import { followOpenMap } from './roomActions';
import { sessionStore } from './sessionStore';
import { newMapDocument, type StartingPoint } from './startingPoints';

/** What the library actions share: the store's state, the open session, and what failed. */
export interface LibraryContext {
  readonly get: () => LibraryData;
  readonly set: (
    partial: Partial<LibraryData> | ((state: LibraryData) => Partial<LibraryData>),
  ) => void;
  readonly now: () => string;
  /** Runs "Undo delete" through the store, in turn with the other library actions. */
  readonly undoDelete: () => void;
  /** The autosaving session of the open map: behaviour, not something any screen renders. */
  session: MapSession | null;
  /** Why a stored map could not be opened, so the library keeps saying so after a refresh. */
  readonly problemsById: Map<MapId, readonly ImportProblem[]>;
  /** The revision each stored map was last validated at, so a background check reads it once. */
  readonly checkedRevisions: Map<MapId, number>;
  /** Stops the live listing of the library (other tabs' changes). */
  unwatch: (() => void) | null;
}

const notify = (kind: 'error' | 'info', text: string): void => {
  sessionStore.getState().showNotice({ kind, text });
};

function showListing(ctx: LibraryContext, summaries: readonly MapSummary[]): void {
  const maps = summaries.map((summary) => ({
    summary,
    problems: ctx.problemsById.get(summary.id) ?? [],
  }));
  ctx.set({ maps, listed: true });
}

export async function refresh(ctx: LibraryContext): Promise<void> {
  showListing(ctx, await listMaps(getDatabase()));
}

/** Remembers why a map cannot be opened and says so; the stored map is never overwritten. */
function reportUnopenable(ctx: LibraryContext, id: MapId, problems: readonly ImportProblem[]) {
  ctx.problemsById.set(id, problems);
  ctx.set(({ maps }) => ({
    maps: maps.map((m) => (m.summary.id === id ? { ...m, problems } : m)),
  }));
  const name = ctx.get().maps.find((m) => m.summary.id === id)?.summary.name ?? 'A stored map';
  const first = problems[0];
  const detail = first ? ` (${formatProblem(first)})` : '';
  notify(
    'error',
    `“${name}” cannot be opened${detail}. It was set aside unchanged: Maps lists it, and you can export its raw JSON from there.`,
  );
}

/**
 * Switches the editor to another map. The open one is written first; if that fails it stays
 * open (the error says why), so switching never drops an edit.
 */
async function openDocument(ctx: LibraryContext, doc: MapDocument, revision: number) {
  await ctx.session?.close();
  ctx.session = openMapSession(getDatabase(), doc, revision);
  ctx.set({ openMapId: doc.map.id, view: 'editor' });
  // A shared map works offline as well: its room connects when it can and never holds up opening.
  followOpenMap(doc.map.id).catch((error: unknown) => {
    notify('error', `The room of this map could not be started: ${describeError(error)}`);
  });
}

/** Opens a stored map; false (and reported) when it is missing or fails validation. */
async function openStored(ctx: LibraryContext, id: MapId): Promise<boolean> {
  if (id === ctx.get().openMapId) {
    ctx.set({ view: 'editor' });
    return true;
  }
  const loaded = await loadMap(getDatabase(), id);
  ctx.checkedRevisions.set(id, loaded.status === 'ok' ? loaded.revision : -1);
  if (loaded.status !== 'ok') {
    reportUnopenable(ctx, id, problemsOf(loaded));
    return false;
  }
  ctx.problemsById.delete(id);
  await openDocument(ctx, loaded.doc, loaded.revision);
  const repaired = loaded.warnings[0];
  if (repaired) {
    notify('info', `“${loaded.doc.map.name}” was repaired on opening: ${formatProblem(repaired)}`);
  }
  return true;
}

export async function openMap(ctx: LibraryContext, id: MapId): Promise<void> {
  await openStored(ctx, id);
}

/**
 * Reads every stored map once (again after another tab changes it) so that one that fails
 * validation is set aside and said so before anyone tries to open it. The open map is skipped:
 * this tab wrote it from a valid document.
 */
async function checkStoredMaps(ctx: LibraryContext): Promise<void> {
  for (const { summary } of ctx.get().maps) {
    const { id, revision } = summary;
    if (id === ctx.get().openMapId || ctx.checkedRevisions.get(id) === revision) continue;
    ctx.checkedRevisions.set(id, revision);
    const loaded = await loadMap(getDatabase(), id);
    if (loaded.status === 'ok') ctx.problemsById.delete(id);
    else if (!ctx.problemsById.has(id)) reportUnopenable(ctx, id, problemsOf(loaded));
  }
}

const problemsOf = (loaded: Exclude<LoadResult, { status: 'ok' }>): readonly ImportProblem[] =>
  loaded.status === 'invalid'
    ? loaded.problems
    : [problem('', 'Its contents are missing from storage.')];

/** Lists the library live: what other tabs create, rename or delete shows up here at once. */
function watchMaps(ctx: LibraryContext): void {
  ctx.unwatch?.();
  ctx.unwatch = watchLibrary(
    getDatabase(),
    (summaries) => {
      showListing(ctx, summaries);
      void checkStoredMaps(ctx).catch(() => undefined);
    },
    // A closed database (another tab upgraded it) ends the listing; the alert says why.
    () => undefined,
  );
}

/** The last-opened map, else the newest map that opens; with none, the library stays. */
export async function start(ctx: LibraryContext): Promise<void> {
  const last = await getLastOpenedMapId(getDatabase());
  await refresh(ctx);
  const listed = ctx.get().maps.map((m) => m.summary.id);
  const candidates = [...listed.filter((id) => id === last), ...listed.filter((id) => id !== last)];
  for (const id of candidates) {
    if (await openStored(ctx, id)) break;
  }
  watchMaps(ctx);
}

export async function createMap(ctx: LibraryContext, from: StartingPoint): Promise<void> {
  const db = getDatabase();
  const taken = (await listMaps(db)).map((m) => m.name);
  const doc = await newMapDocument(from, taken, ctx.now());
  const saved = await storeNewMap(db, doc);
  // A fresh id cannot already be stored: a conflict here is a bug, not a user error.
  if (saved.status !== 'saved') throw new Error(`Map ${doc.map.id} already exists.`);
  await openDocument(ctx, doc, saved.summary.revision);
  await refresh(ctx);
}

export async function renameMap(ctx: LibraryContext, id: MapId, raw: string): Promise<void> {
  const name = raw.trim();
  if (name === '') {
    notify('error', 'A map needs a name.');
    return;
  }
  const { session } = ctx;
  if (session && id === session.mapId) {
    // Through the document store, so the editor's title follows and the rename can be undone.
    const error = documentStore.getState().apply((doc) => renameCommand(doc, name));
    if (error) notify('error', error.message);
    await session.flush();
  } else {
    const renamed = await renameStoredMap(getDatabase(), id, name, ctx.now());
    if (renamed.status === 'invalid') reportUnopenable(ctx, id, renamed.problems);
  }
  await refresh(ctx);
}

export async function duplicateMap(ctx: LibraryContext, id: MapId): Promise<void> {
  // The copy must include the open map's latest edits.
  if (ctx.session && id === ctx.session.mapId) await ctx.session.flush();
  const copied = await copyStoredMap(getDatabase(), id, ctx.now());
  if (copied.status === 'invalid') reportUnopenable(ctx, id, copied.problems);
  await refresh(ctx);
}

export async function deleteMap(ctx: LibraryContext, id: MapId): Promise<void> {
  if (id === ctx.get().openMapId) {
    // Written before deleting, so that undo brings back the map with its latest edits.
    await ctx.session?.close();
    ctx.session = null;
    await followOpenMap(null);
    ctx.set({ openMapId: null, view: 'library' });
  }
  const deleted = await removeStoredMap(getDatabase(), id);
  ctx.problemsById.delete(id);
  ctx.set({ pendingDelete: deleted });
  if (deleted) {
    sessionStore.getState().showNotice({
      kind: 'info',
      text: `Deleted “${deleted.summary.name}”.`,
      action: { label: 'Undo delete', run: ctx.undoDelete },
    });
  }
  await refresh(ctx);
}

export async function undoDelete(ctx: LibraryContext): Promise<void> {
  const deleted = ctx.get().pendingDelete;
  if (!deleted) return;
  await restoreMap(getDatabase(), deleted);
  ctx.set({ pendingDelete: null });
  await refresh(ctx);
}

/** Lists the maps with the open map's latest edits written, so its counts and time are current. */
export async function showLibrary(ctx: LibraryContext): Promise<void> {
  ctx.set({ view: 'library' });
  try {
    await ctx.session?.flush();
  } finally {
    // Even when the open map could not be written, the library must list what is stored.
    await refresh(ctx);
  }
}

/**
 * "Restore this map" after another tab deleted the open map: the version in this tab is stored
 * again under its id. If the other tab brought it back meanwhile (undo delete), this tab's version
 * becomes an edit of that one, so undo shows the difference.
 */
export async function restoreOpenMap(ctx: LibraryContext): Promise<void> {
  const current = documentStore.getState().doc;
  if (!current || current.map.id !== ctx.get().openMapId) return;
  const db = getDatabase();
  const saved = await storeNewMap(db, current);
  if (saved.status === 'saved') {
    await openDocument(ctx, current, saved.summary.revision);
  } else {
    const loaded = await loadMap(db, current.map.id);
    if (loaded.status !== 'ok') throw new Error('The map is stored again but cannot be read.');
    await openDocument(ctx, loaded.doc, loaded.revision);
    documentStore.getState().adopt(current);
  }
  notify('info', `Restored “${current.map.name}”.`);
  await refresh(ctx);
}

/** Another tab runs a newer version of the app: write what is pending, then stop for good. */
export async function suspendForUpgrade(ctx: LibraryContext): Promise<void> {
  ctx.unwatch?.();
  ctx.unwatch = null;
  await ctx.session?.suspend();
}

/** The stored file of a map exactly as it is on disk, valid or not (for "Export raw JSON"). */
export function readRawMap(id: MapId): Promise<unknown> {
  return readStoredFile(getDatabase(), id);
}
