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

/**
 * Undo in a room: only this device's edits are undone (the room's own undo manager), never
 * another participant's, so the store's own history stays empty there.
 */
export interface SharedUndo {
  undo(): void;
  redo(): void;
}

export interface DocumentState extends DocumentHistory {
  /** Set while the map is open view-only (a room's view link): every edit is refused. */
  readonly readOnly: boolean;
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
  /** Shows a room's version of the open map (another participant's edit): never an undo step. */
  applyRemote(doc: MapDocument): void;
  /** A room takes over undo (null gives it back); either way the store's history starts empty. */
  shareUndo(shared: SharedUndo | null): void;
  setReadOnly(readOnly: boolean): void;
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
  let sharedUndo: SharedUndo | null = null;
  /** Sets state without recording an undo step. */
  const setUntracked = (partial: Partial<DocumentState>) => {
    history().pause();
    store.setState(partial);
    history().resume();
  };

  const store: DocumentStore = createStore<DocumentState>()(
    temporal(
      (set, get) => ({
        doc: null,
        readOnly: false,
        openDocument(doc) {
          set({ doc });
          history().clear();
        },
        apply(command) {
          // The UI disables editing in a view-only room and says why; this is the backstop.
          if (get().readOnly) return null;
          const result = runCommand(requireDoc(get()), command, now);
          if (!result.ok) return result.error;
          if (!result.value) return null;
          if (sharedUndo) setUntracked({ doc: result.value });
          else set({ doc: result.value });
          return null;
        },
        adopt(doc) {
          set({ doc });
        },
        applyRemote(doc) {
          setUntracked({ doc });
        },
        shareUndo(shared) {
          sharedUndo = shared;
          history().clear();
        },
        setReadOnly(readOnly) {
          set({ readOnly });
        },
        undo() {
          if (sharedUndo) sharedUndo.undo();
          else history().undo();
        },
        redo() {
          if (sharedUndo) sharedUndo.redo();
          else history().redo();
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
export const selectReadOnly = (state: DocumentState): boolean => state.readOnly;
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
