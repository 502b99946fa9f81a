import { createStore, useStore } from 'zustand';
import {
  readStorageHealth,
  requestPersistence,
  type StorageHealth,
  type StorageManagerLike,
} from '../db/storageHealth';
import type { App } from './app';
import { useApp } from './appContext';

export interface StorageHealthState {
  /** Null until the browser has answered. */
  readonly health: StorageHealth | null;
  check(): Promise<void>;
  /** Asks the browser to keep the maps (the library's button, and once after the first edit). */
  requestPersistence(): Promise<void>;
}

export function createStorageHealthStore(storage?: StorageManagerLike) {
  return createStore<StorageHealthState>()((set) => ({
    health: null,
    check: async () => {
      set({ health: await readStorageHealth(storage) });
    },
    requestPersistence: async () => {
      set({ health: await requestPersistence(storage) });
    },
  }));
}

export function useStorageHealth<T>(selector: (state: StorageHealthState) => T): T {
  return useStore(useApp().storageHealthStore, selector);
}

/**
 * Asks for persistent storage once, when the user first edits a map in this page: by then there
 * is work worth keeping, and Firefox's question comes with a reason the user can see.
 */
export function requestPersistenceOnFirstEdit(app: App): () => void {
  const store = app.storageHealthStore;
  const unsubscribe = app.documentStore.temporal.subscribe((history) => {
    if (history.pastStates.length === 0) return;
    unsubscribe();
    // Asking again when it is already granted is harmless: the browser just says yes.
    void store.getState().requestPersistence();
  });
  return unsubscribe;
}
