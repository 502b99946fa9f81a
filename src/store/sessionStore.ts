import { createStore, useStore, type StoreApi } from 'zustand';
import type { SaveStatus } from '../db/autosave';
import type { GoalId, StakeholderId } from '../domain/ids';

/**
 * Session state: what the user is looking at right now. Kept out of the document store so it is
 * never saved, never exported and never undone (selecting a goal is not an edit).
 */

/** Side panels; at most one is open beside the canvas. */
export const PANELS = [
  'inspector',
  'common-ground',
  'conflicts',
  'health',
  'alignment',
  'library',
] as const;
export type Panel = (typeof PANELS)[number];

export interface Notice {
  readonly kind: 'error' | 'info';
  readonly text: string;
}

export interface SessionData {
  readonly selectedGoalIds: readonly GoalId[];
  readonly selectedStakeholderIds: readonly StakeholderId[];
  /** The parties chosen for "find common ground", in the order they were picked. */
  readonly parties: readonly StakeholderId[];
  readonly openPanel: Panel | null;
  readonly saveStatus: SaveStatus | null;
  readonly notice: Notice | null;
}

export interface SessionState extends SessionData {
  select(selection: { goals?: readonly GoalId[]; stakeholders?: readonly StakeholderId[] }): void;
  clearSelection(): void;
  setParties(parties: readonly StakeholderId[]): void;
  /** Adds the stakeholder to the parties, or removes it if already chosen. */
  toggleParty(party: StakeholderId): void;
  setOpenPanel(panel: Panel | null): void;
  setSaveStatus(status: SaveStatus): void;
  showNotice(notice: Notice): void;
  dismissNotice(): void;
  /** Forgets everything tied to the open map, e.g. when another map is opened. */
  resetForNewMap(): void;
}

const EMPTY_MAP_SESSION = {
  selectedGoalIds: [],
  selectedStakeholderIds: [],
  parties: [],
} satisfies Partial<SessionData>;

export function createSessionStore(): StoreApi<SessionState> {
  return createStore<SessionState>()((set) => ({
    ...EMPTY_MAP_SESSION,
    openPanel: null,
    saveStatus: null,
    notice: null,
    select: ({ goals = [], stakeholders = [] }) => {
      set({ selectedGoalIds: goals, selectedStakeholderIds: stakeholders });
    },
    clearSelection: () => {
      set({ selectedGoalIds: [], selectedStakeholderIds: [] });
    },
    setParties: (parties) => {
      set({ parties: [...new Set(parties)] });
    },
    toggleParty: (party) => {
      set(({ parties }) => ({
        parties: parties.includes(party) ? parties.filter((p) => p !== party) : [...parties, party],
      }));
    },
    setOpenPanel: (openPanel) => {
      set({ openPanel });
    },
    setSaveStatus: (saveStatus) => {
      set({ saveStatus });
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

export const selectSelectedGoalIds = (s: SessionState): readonly GoalId[] => s.selectedGoalIds;
export const selectSelectedStakeholderIds = (s: SessionState): readonly StakeholderId[] =>
  s.selectedStakeholderIds;
export const selectParties = (s: SessionState): readonly StakeholderId[] => s.parties;
export const selectOpenPanel = (s: SessionState): Panel | null => s.openPanel;
export const selectSaveStatus = (s: SessionState): SaveStatus | null => s.saveStatus;
export const selectNotice = (s: SessionState): Notice | null => s.notice;

/** The app's one session store. */
export const sessionStore = createSessionStore();

export function useSessionStore<T>(selector: (state: SessionState) => T): T {
  return useStore(sessionStore, selector);
}
