import { loadMap, saveMap, UNSAVED_REVISION } from '../db/repository';
import type { CommonGroundDb } from '../db/schema';
import type { MapId } from '../domain/ids';
import type { MergeClash } from '../domain/merge';
import type { MapDocument } from '../domain/model';
import { formatProblem } from '../io/json';
import type { DocumentStore } from './documentStore';

/** The version of the open map this tab knows to be stored: the base its unsaved edits grew from. */
export interface StoredVersion {
  readonly doc: MapDocument;
  readonly revision: number;
}

/** Why a map session no longer writes. */
export type StopReason = 'deleted' | 'unreadable' | 'closed';

/** What the sync tells the session; the session decides what the user sees. */
export interface SyncEvents {
  readonly stop: (reason: StopReason, detail: string) => void;
  /** Both tabs' edits cannot be combined (they would break a rule together): ask the user. */
  readonly diverge: (message: string) => void;
  readonly merged: (clashes: readonly MergeClash[], doc: MapDocument) => void;
}

/**
 * Keeps the open map and its stored copy in step when other tabs write it too. Every write is
 * compare-and-set on the revision; when another tab got there first, its version is merged with
 * this tab's edits (three-way, from the version both started from) and the merge is written
 * next. `isActive` turns false once the session closes, after which nothing touches the editor.
 */
export function createMapSync(
  { db, documentStore }: { readonly db: CommonGroundDb; readonly documentStore: DocumentStore },
  mapId: MapId,
  initial: StoredVersion,
  isActive: () => boolean,
  events: SyncEvents,
) {
  let stored = initial;

  /**
   * Merges the newest stored version into the editor; the autosave then writes the merge.
   * Returns why this tab cannot go on writing, or null when it can.
   */
  async function catchUp(): Promise<string | null> {
    const latest = await loadMap(db, mapId);
    if (!isActive()) return 'The map was closed.';
    if (latest.status === 'missing') {
      const why = 'This map was deleted in another tab.';
      events.stop('deleted', why);
      return why;
    }
    if (latest.status === 'invalid') {
      const first = latest.problems[0];
      const why = `Another tab stored a version this tab cannot read (${first ? formatProblem(first) : 'it does not validate'}).`;
      events.stop('unreadable', why);
      return why;
    }
    if (latest.revision === stored.revision) return null;
    // Merging is needed only when another tab wrote meanwhile: its code stays off the first screen.
    const { mergeDocuments, sameValue } = await import('../domain/merge');
    if (!isActive()) return 'The map was closed.';
    const base = stored.doc;
    stored = { doc: latest.doc, revision: latest.revision };
    const current = documentStore.getState().doc ?? base;
    const merged = mergeDocuments(base, current, latest.doc);
    if (!merged.ok) {
      const first = merged.error[0];
      const why = `This tab and another changed the map in ways that do not fit together (${first ? `${first.path}: ${first.message}` : 'they break a rule together'}).`;
      events.diverge(why);
      return why;
    }
    const { doc, clashes } = merged.value;
    // Identical content is shown as the stored object itself, which the autosave knows not to write.
    documentStore.getState().adopt(sameValue(doc, latest.doc) ? latest.doc : doc);
    events.merged(clashes, doc);
    return null;
  }

  return {
    /** Writes `doc` unless it is exactly what is stored; catches up if another tab wrote first. */
    async write(doc: MapDocument): Promise<void> {
      if (doc === stored.doc && stored.revision !== UNSAVED_REVISION) return;
      const result = await saveMap(db, doc, stored.revision);
      if (result.status === 'saved') {
        stored = { doc, revision: result.summary.revision };
        return;
      }
      // Another tab wrote first: what this write held is in the merge, which is written next.
      const stopped = await catchUp();
      if (stopped) throw new Error(stopped);
    },
    /** Looks at what is stored now, when a watch says it changed (or may have). */
    async revisionChanged(revision: number | null): Promise<void> {
      // Nothing stored is no news for a map not stored yet (a first visit's example).
      if ((revision ?? UNSAVED_REVISION) !== stored.revision) await catchUp();
    },
    /** The version this tab last knew stored: the other tab's, after a divergence. */
    stored: (): StoredVersion => stored,
  };
}

export type MapSync = ReturnType<typeof createMapSync>;
