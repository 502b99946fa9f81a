import type { SnapshotRow } from '../db/schema';
import { listSnapshots, loadSnapshot, type SnapshotRead } from '../db/snapshots';
import type { MapId } from '../domain/ids';
import { problem } from '../io/problems';
import type { App } from './app';
import type { SnapshotCheck } from './historyData';
import { replaceOpenContent, type ReplacedContent } from './replaceContent';
import { describeError } from '../domain/result';

/*
 * What fills the History panel's data (historyData.ts, made with the app): the open map's
 * snapshots listed, each checked, and restored. Loaded with the panel, not the first screen.
 */

function checkOf(read: SnapshotRead): SnapshotCheck {
  if (read.status === 'ok') return { state: 'readable' };
  const missing = [problem('', 'its content is missing from storage')];
  return { state: 'damaged', problems: read.status === 'damaged' ? read.problems : missing };
}

function setCheck(app: App, id: number, check: SnapshotCheck): void {
  app.historyStore.setState(({ entries }) => ({
    entries: entries?.map((e) => (e.snapshot.id === id ? { ...e, check } : e)) ?? null,
  }));
}

/** Counts each app's loads, so a slow one cannot overwrite the list of a later one (another map). */
const latestLoads = new WeakMap<App, number>();

/** Lists the map's snapshots at once, then checks each one's content in turn. */
export async function loadHistory(app: App, mapId: MapId): Promise<void> {
  const run = (latestLoads.get(app) ?? 0) + 1;
  latestLoads.set(app, run);
  const isLatest = () => latestLoads.get(app) === run;
  const { historyStore } = app;
  historyStore.setState({ mapId, entries: null, failure: null });
  try {
    const db = await app.db;
    const rows = await listSnapshots(db, mapId);
    if (!isLatest()) return;
    historyStore.setState({
      entries: rows.map((snapshot) => ({ snapshot, check: { state: 'checking' } })),
    });
    for (const row of rows) {
      const read = await loadSnapshot(db, row.id);
      if (!isLatest()) return;
      setCheck(app, row.id, checkOf(read));
    }
  } catch (error) {
    if (isLatest()) historyStore.setState({ failure: describeError(error) });
  }
}

/** One snapshot's content, validated, for a preview. */
export async function readSnapshot(app: App, id: number): Promise<SnapshotRead> {
  const read = await loadSnapshot(await app.db, id);
  setCheck(app, id, checkOf(read));
  return read;
}

export type RestoreOutcome =
  | {
      readonly status: 'restored';
      readonly snapshot: SnapshotRow;
      readonly replaced: ReplacedContent;
    }
  | { readonly status: 'unchanged' }
  | { readonly status: 'damaged' }
  | { readonly status: 'failed'; readonly reason: string };

/**
 * Puts a snapshot's content in place of the open map's as one undoable edit; the content it
 * replaces becomes a snapshot first (see replaceOpenContent), so it stays in History too.
 */
export async function restoreSnapshot(
  app: App,
  id: number,
  now = app.clock(),
): Promise<RestoreOutcome> {
  const read = await readSnapshot(app, id);
  if (read.status !== 'ok') return { status: 'damaged' };
  let replaced: ReplacedContent | null;
  try {
    replaced = await replaceOpenContent(app, read.doc, 'before-restore', now);
  } catch (error) {
    return { status: 'failed', reason: describeError(error) };
  }
  if (!replaced) return { status: 'unchanged' };
  return { status: 'restored', snapshot: read.snapshot, replaced };
}
