import { createStore, useStore } from 'zustand';
import type { SnapshotRow } from '../db/schema';
import type { MapId } from '../domain/ids';
import type { ImportProblem } from '../io/problems';
import { useApp } from './appContext';

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

export const createHistoryStore = () =>
  createStore<HistoryData>()(() => ({ mapId: null, entries: null, failure: null }));

export function useHistory<T>(selector: (state: HistoryData) => T): T {
  return useStore(useApp().historyStore, selector);
}
