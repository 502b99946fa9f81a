import type { SnapshotReason } from '../db/schema';
import { takeSnapshot } from '../db/snapshots';
import type { MapDocument } from '../domain/model';
import { ok } from '../domain/result';
import { isSameContent } from '../domain/sameValue';
import type { App } from './app';

/** The open map's content just before and just after a wholesale replacement. */
export interface ReplacedContent {
  readonly before: MapDocument;
  readonly after: MapDocument;
}

/**
 * Puts `incoming`'s content in place of the open map's as ONE undoable edit. The open map keeps
 * its id and creation time, so it stays the same entry in the library; autosave stores the change.
 * The content being replaced is first kept as a snapshot, because undo history ends with the tab:
 * if that copy cannot be stored, this throws and nothing is replaced. Null when no map is open,
 * the open map changed meanwhile, or the content would stay the same.
 */
export async function replaceOpenContent(
  app: App,
  incoming: MapDocument,
  reason: SnapshotReason,
  now = app.clock(),
): Promise<ReplacedContent | null> {
  const { documentStore, sessionStore } = app;
  const current = documentStore.getState().doc;
  if (!current) return null;
  const { id, createdAt } = current.map;
  const next = { ...incoming, map: { ...incoming.map, id, createdAt } };
  if (isSameContent(current, next)) return null;
  await takeSnapshot(await app.db, current, reason, now);
  const before = documentStore.getState().doc;
  if (before?.map.id !== id) return null;
  documentStore.getState().apply(() => ok(next));
  // Selection and parties name records of the old content.
  sessionStore.getState().resetForNewMap();
  const after = documentStore.getState().doc;
  return after && after !== before ? { before, after } : null;
}
