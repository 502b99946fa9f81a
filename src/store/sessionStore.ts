import { createStore, useStore, type StoreApi } from 'zustand';
import { useApp } from './appContext';
import type { SaveStatus } from '../db/autosave';
import type { ConflictId, GoalId, StakeholderId } from '../domain/ids';
import type { Selection } from './selection';

/**
 * Session state: what the user is looking at right now. Kept out of the document store so it is
 * never saved, never exported and never undone (selecting a goal is not an edit).
 */

/** Side panels; at most one is open beside the canvas. */
export type Panel = 'common-ground' | 'conflicts' | 'health' | 'alignment' | 'stakeholder';

/** A button in a notice, e.g. "Undo delete": the one way back from an action done moments ago. */
export interface NoticeAction {
  readonly label: string;
  readonly run: () => void;
}

export interface Notice {
  readonly kind: 'error' | 'info';
  readonly text: string;
  readonly action?: NoticeAction;
}

/**
 * Something that puts the open map's safety at risk, shown until it is resolved: a write that
 * failed (full disk or otherwise), the map deleted or the database upgraded by another tab, or
 * two tabs' edits that cannot be combined. The map stays in memory in every case.
 */
export type StorageAlert =
  | { readonly kind: 'write-failed'; readonly message: string; readonly quota: boolean }
  | { readonly kind: 'deleted-elsewhere'; readonly mapName: string }
  | { readonly kind: 'upgraded-elsewhere'; readonly saved: boolean }
  | { readonly kind: 'diverged'; readonly message: string }
  | { readonly kind: 'unreadable-elsewhere'; readonly message: string };

export interface SessionData {
  readonly selection: Selection;
  /** Goals whose subtree is folded away on the canvas (a view choice, not an edit). */
  readonly collapsedGoalIds: readonly GoalId[];
  /** The parties chosen for "find common ground", in the order they were picked. */
  readonly parties: readonly StakeholderId[];
  /** An alternative lowest common goal the user chose to look at; null shows the nearest. */
  readonly shownAnswerGoalId: GoalId | null;
  /** The conflict whose parties the common-ground view shows, so its notes can be edited there. */
  readonly openConflictId: ConflictId | null;
  /** The person the 'stakeholder' panel focuses on ("view as stakeholder"). */
  readonly viewedStakeholderId: StakeholderId | null;
  /**
   * Text typed into a form that has no record to hold it yet (a trade-off's note before `Add
   * trade-off`, a picker's search), by form and record: kept when the selection moves away and
   * back, forgotten with the map. Never saved.
   */
  readonly drafts: ReadonlyMap<string, string>;
  /**
   * A record just added whose name field should take focus once the inspector shows it (it may
   * still be loading): the field takes the request when it mounts.
   */
  readonly focusRequest: GoalId | StakeholderId | null;
  readonly openPanel: Panel | null;
  readonly saveStatus: SaveStatus | null;
  readonly notice: Notice | null;
  readonly storageAlert: StorageAlert | null;
}

export interface SessionState extends SessionData {
  select(selection: Selection): void;
  clearSelection(): void;
  /** Folds or unfolds the subtree below a goal. */
  toggleCollapsed(goal: GoalId): void;
  setParties(parties: readonly StakeholderId[]): void;
  /** Adds the stakeholder to the parties, or removes it if already chosen. */
  toggleParty(party: StakeholderId): void;
  /** Draws the paths to another lowest common goal (null: back to the nearest). */
  showAnswer(goal: GoalId | null): void;
  /** Shows a conflict's parties in the common-ground view. */
  openConflict(conflict: {
    readonly id: ConflictId;
    readonly parties: readonly StakeholderId[];
  }): void;
  /** Opens the 'stakeholder' panel on one person. */
  viewAsStakeholder(stakeholder: StakeholderId): void;
  /** Keeps (or, given '', forgets) the text typed into the form named `key`. */
  setDraft(key: string, text: string): void;
  setOpenPanel(panel: Panel | null): void;
  /** Asks the inspector to focus this record's name field when it shows it. */
  requestFocus(record: GoalId | StakeholderId): void;
  /** The name field took the request. */
  clearFocusRequest(): void;
  /** Null: nothing was written yet since the map was opened (it is as stored). */
  setSaveStatus(status: SaveStatus | null): void;
  setStorageAlert(alert: StorageAlert | null): void;
  showNotice(notice: Notice): void;
  dismissNotice(): void;
  /** Forgets everything tied to the open map, e.g. when another map is opened. */
  resetForNewMap(): void;
}

const EMPTY_MAP_SESSION = {
  selection: [],
  collapsedGoalIds: [],
  parties: [],
  shownAnswerGoalId: null,
  openConflictId: null,
  viewedStakeholderId: null,
  drafts: new Map<string, string>(),
  focusRequest: null,
} satisfies Partial<SessionData>;

export function createSessionStore(): StoreApi<SessionState> {
  return createStore<SessionState>()((set) => ({
    ...EMPTY_MAP_SESSION,
    openPanel: null,
    saveStatus: null,
    notice: null,
    storageAlert: null,
    select: (selection) => {
      set({ selection });
    },
    clearSelection: () => {
      set({ selection: [] });
    },
    toggleCollapsed: (goal) => {
      set(({ collapsedGoalIds }) => ({
        collapsedGoalIds: collapsedGoalIds.includes(goal)
          ? collapsedGoalIds.filter((g) => g !== goal)
          : [...collapsedGoalIds, goal],
      }));
    },
    setParties: (parties) => {
      set({ parties: [...new Set(parties)], shownAnswerGoalId: null });
    },
    toggleParty: (party) => {
      set(({ parties }) => ({
        shownAnswerGoalId: null,
        parties: parties.includes(party) ? parties.filter((p) => p !== party) : [...parties, party],
      }));
    },
    showAnswer: (shownAnswerGoalId) => {
      set({ shownAnswerGoalId });
    },
    openConflict: ({ id, parties }) => {
      set({
        openConflictId: id,
        parties: [...new Set(parties)],
        shownAnswerGoalId: null,
        openPanel: 'common-ground',
      });
    },
    viewAsStakeholder: (stakeholder) => {
      set({ viewedStakeholderId: stakeholder, openPanel: 'stakeholder' });
    },
    setDraft: (key, text) => {
      set(({ drafts }) => {
        const next = new Map(drafts);
        if (text === '') next.delete(key);
        else next.set(key, text);
        return { drafts: next };
      });
    },
    setOpenPanel: (openPanel) => {
      set({ openPanel });
    },
    requestFocus: (focusRequest) => {
      set({ focusRequest });
    },
    clearFocusRequest: () => {
      set({ focusRequest: null });
    },
    setSaveStatus: (saveStatus) => {
      set({ saveStatus });
    },
    setStorageAlert: (storageAlert) => {
      set({ storageAlert });
    },
    showNotice: (notice) => {
      set({ notice });
    },
    dismissNotice: () => {
      set({ notice: null });
    },
    resetForNewMap: () => {
      set(EMPTY_MAP_SESSION);
    },
  }));
}

export const selectSelection = (s: SessionState): Selection => s.selection;
export const selectCollapsedGoalIds = (s: SessionState): readonly GoalId[] => s.collapsedGoalIds;
export const selectShownAnswerGoalId = (s: SessionState): GoalId | null => s.shownAnswerGoalId;
export const selectParties = (s: SessionState): readonly StakeholderId[] => s.parties;
export const selectOpenPanel = (s: SessionState): Panel | null => s.openPanel;
export const selectOpenConflictId = (s: SessionState): ConflictId | null => s.openConflictId;
export const selectSaveStatus = (s: SessionState): SaveStatus | null => s.saveStatus;
export const selectNotice = (s: SessionState): Notice | null => s.notice;
export const selectStorageAlert = (s: SessionState): StorageAlert | null => s.storageAlert;

export function useSessionStore<T>(selector: (state: SessionState) => T): T {
  return useStore(useApp().sessionStore, selector);
}

/** The draft typed into the form named `key` ('' when none) and a way to change it. */
export function useDraft(key: string): readonly [string, (text: string) => void] {
  const { sessionStore } = useApp();
  const text = useStore(sessionStore, (s) => s.drafts.get(key) ?? '');
  return [text, (next) => sessionStore.getState().setDraft(key, next)];
}
