import { temporal, type TemporalState } from 'zundo';
import { createStore, useStore, type StoreApi } from 'zustand';
import { useApp } from './appContext';
import type { MapDocument } from '../domain/model';
import { ok, type Result } from '../domain/result';
import { isSameContent } from '../domain/sameValue';

/** A pure domain command: the next document, or why the edit was refused. */
export type Command<E> = (doc: MapDocument) => Result<MapDocument, E>;

/** The part of the state that enters undo history: the document and nothing else. */
export interface DocumentHistory {
  readonly doc: MapDocument | null;
}

export interface DocumentState extends DocumentHistory {
  /** Shows another map (or a freshly loaded one); its history starts empty. */
  openDocument(doc: MapDocument): void;
  /**
   * Runs one edit as one undo step (a drag is one edit too: the canvas commits it on drop).
   * Returns the command's error, or null when it succeeded; a refused edit changes nothing.
   */
  apply<E>(command: Command<E>): E | null;
  undo(): void;
  redo(): void;
  /**
   * Shows a version of the open map that was stored elsewhere (another tab), as it is: one undo
   * step, not stamped.
   */
  adopt(doc: MapDocument): void;
}

export type DocumentStore = StoreApi<DocumentState> & {
  readonly temporal: StoreApi<TemporalState<DocumentHistory>>;
};

export interface DocumentStoreOptions {
  /** ISO time stamped on map.updatedAt by every edit; injectable so tests are deterministic. */
  readonly now?: () => string;
}

/** Enough for a long editing session; each step shares unchanged records with its neighbours. */
export const HISTORY_LIMIT = 200;

function requireDoc(state: DocumentHistory): MapDocument {
  if (!state.doc) throw new Error('No map is open: open a map before editing it.');
  return state.doc;
}

/** Runs a command: its error, or the next document stamped with `now` (null when unchanged). */
function runCommand<E>(
  current: MapDocument,
  command: Command<E>,
  now: () => string,
): Result<MapDocument | null, E> {
  const result = command(current);
  if (!result.ok) return result;
  if (isSameContent(current, result.value)) return ok(null);
  return ok({ ...result.value, map: { ...result.value.map, updatedAt: now() } });
}

export function createDocumentStore({
  now = () => new Date().toISOString(),
}: DocumentStoreOptions = {}): DocumentStore {
  const history = () => store.temporal.getState();

  const store: DocumentStore = createStore<DocumentState>()(
    temporal(
      (set, get) => ({
        doc: null,
        openDocument(doc) {
          set({ doc });
          history().clear();
        },
        apply(command) {
          const result = runCommand(requireDoc(get()), command, now);
          if (!result.ok) return result.error;
          if (result.value) set({ doc: result.value });
          return null;
        },
        adopt(doc) {
          set({ doc });
        },
        undo() {
          history().undo();
        },
        redo() {
          history().redo();
        },
      }),
      {
        partialize: (state): DocumentHistory => ({ doc: state.doc }),
        // Only a different document is a step; partialize builds a new wrapper object every time.
        equality: (past, current) => past.doc === current.doc,
        limit: HISTORY_LIMIT,
      },
    ),
  );
  return store;
}

export const selectDoc = (state: DocumentState): MapDocument | null => state.doc;
export const selectCanUndo = (history: TemporalState<DocumentHistory>): boolean =>
  history.pastStates.length > 0;
export const selectCanRedo = (history: TemporalState<DocumentHistory>): boolean =>
  history.futureStates.length > 0;

export function useDocumentStore<T>(selector: (state: DocumentState) => T): T {
  return useStore(useApp().documentStore, selector);
}

/** Reads undo history reactively, e.g. `useDocumentHistory(selectCanUndo)` for the undo button. */
export function useDocumentHistory<T>(selector: (history: TemporalState<DocumentHistory>) => T): T {
  return useStore(useApp().documentStore.temporal, selector);
}
