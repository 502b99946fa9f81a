import { createStore, useStore } from 'zustand';
import { useApp } from './appContext';

/** A new version of the app, installed and waiting until the user chooses to reload into it. */
export interface WaitingUpdate {
  /** Saves what is pending, then switches to the new version and reloads; rejects (without reloading) if the save failed. */
  apply(): Promise<void>;
}

export interface UpdateState {
  /** Null while the running version is the newest one, or after the user said "Not now". */
  readonly waiting: WaitingUpdate | null;
  offer(update: WaitingUpdate): void;
  dismiss(): void;
}

/**
 * Kept apart from the session store's notice on purpose: other notices replace each other and fade
 * after seconds, but the offer of a new version stays until the user answers it.
 */
export const createUpdateStore = () =>
  createStore<UpdateState>()((set) => ({
    waiting: null,
    offer: (update) => {
      set({ waiting: update });
    },
    dismiss: () => {
      set({ waiting: null });
    },
  }));

export const selectWaitingUpdate = (s: UpdateState): WaitingUpdate | null => s.waiting;

export function useUpdateStore<T>(selector: (state: UpdateState) => T): T {
  return useStore(useApp().updateStore, selector);
}
