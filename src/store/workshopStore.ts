import { createStore, useStore } from 'zustand';
import { useApp } from './appContext';

/**
 * Workshop mode: a presentation of the walk up the tree, one level per key press. Session state:
 * leaving the mode or reloading forgets the step, and nothing here is ever undone or saved.
 */
export interface WorkshopState {
  readonly active: boolean;
  /** How many levels every party has walked up so far. */
  readonly step: number;
  start(): void;
  stop(): void;
  /** Walks up one level, never past `lastStep` (where the paths meet). */
  next(lastStep: number): void;
  previous(): void;
}

export const createWorkshopStore = () =>
  createStore<WorkshopState>()((set) => ({
    active: false,
    step: 0,
    start: () => {
      set({ active: true, step: 0 });
    },
    stop: () => {
      set({ active: false, step: 0 });
    },
    next: (lastStep) => {
      set((s) => ({ step: Math.min(lastStep, s.step + 1) }));
    },
    previous: () => {
      set((s) => ({ step: Math.max(0, s.step - 1) }));
    },
  }));

export function useWorkshopStore<T>(selector: (s: WorkshopState) => T): T {
  return useStore(useApp().workshopStore, selector);
}

export const selectWorkshopActive = (s: WorkshopState): boolean => s.active;
export const selectWorkshopStep = (s: WorkshopState): number => s.step;
