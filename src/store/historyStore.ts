import { createStore, useStore } from 'zustand';
import type { SnapshotRow } from '../db/schema';
import { listSnapshots, loadSnapshot, type SnapshotRead } from '../db/snapshots';
import type { MapId } from '../domain/ids';
import { problem, type ImportProblem } from '../io/problems';
import { getDatabase } from './database';
import { replaceOpenContent, type ReplacedContent } from './replaceContent';
import { describeError } from '../domain/result';

/**
 * The History panel's data: the open map's snapshots, each checked by the validating importer so
 * a damaged one is listed as such (and never offered for restore) instead of failing later.
 */

export type SnapshotCheck =
  | { readonly state: 'checking' }
  | { readonly state: 'readable' }
  | { readonly state: 'damaged'; readonly problems: readonly ImportProblem[] };

export interface HistoryEntry {
  readonly snapshot: SnapshotRow;
  readonly check: SnapshotCheck;
}

export interface HistoryData {
  readonly mapId: MapId | null;
  /** Newest first; null while the list loads. */
  readonly entries: readonly HistoryEntry[] | null;
  /** Why the list could not be read. */
  readonly failure: string | null;
}

export const historyStore = createStore<HistoryData>()(() => ({
  mapId: null,
  entries: null,
  failure: null,
}));

export function useHistory<T>(selector: (state: HistoryData) => T): T {
  return useStore(historyStore, selector);
}

function checkOf(read: SnapshotRead): SnapshotCheck {
  if (read.status === 'ok') return { state: 'readable' };
  const missing = [problem('', 'its content is missing from storage')];
  return { state: 'damaged', problems: read.status === 'damaged' ? read.problems : missing };
}

function setCheck(id: number, check: SnapshotCheck): void {
  historyStore.setState(({ entries }) => ({
    entries: entries?.map((e) => (e.snapshot.id === id ? { ...e, check } : e)) ?? null,
  }));
}

/** Counts loads, so a slow one cannot overwrite the list of a later one (another map). */
let latestLoad = 0;

/** Lists the map's snapshots at once, then checks each one's content in turn. */
export async function loadHistory(mapId: MapId): Promise<void> {
  const run = ++latestLoad;
  const db = getDatabase();
  historyStore.setState({ mapId, entries: null, failure: null });
  try {
    const rows = await listSnapshots(db, mapId);
    if (run !== latestLoad) return;
    historyStore.setState({
      entries: rows.map((snapshot) => ({ snapshot, check: { state: 'checking' } })),
    });
    for (const row of rows) {
      const read = await loadSnapshot(db, row.id);
      if (run !== latestLoad) return;
      setCheck(row.id, checkOf(read));
    }
  } catch (error) {
    if (run === latestLoad) historyStore.setState({ failure: describeError(error) });
  }
}

/** One snapshot's content, validated, for a preview. */
export async function readSnapshot(id: number): Promise<SnapshotRead> {
  const read = await loadSnapshot(getDatabase(), id);
  setCheck(id, checkOf(read));
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
  id: number,
  now = new Date().toISOString(),
): Promise<RestoreOutcome> {
  const read = await readSnapshot(id);
  if (read.status !== 'ok') return { status: 'damaged' };
  let replaced: ReplacedContent | null;
  try {
    replaced = await replaceOpenContent(read.doc, 'before-restore', now);
  } catch (error) {
    return { status: 'failed', reason: describeError(error) };
  }
  if (!replaced) return { status: 'unchanged' };
  return { status: 'restored', snapshot: read.snapshot, replaced };
}
