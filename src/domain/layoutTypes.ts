import type { GoalKind } from './model';
import type { Orientation } from './orientation';

/**
 * What auto layout needs and returns. Shared by the layout worker and the canvas, so the worker
 * never sees the whole document (smaller messages, and nothing there to save by mistake).
 */
export interface LayoutNodeInput {
  /** The node id (see nodeIds): a goal and a person may share a record id. */
  readonly id: string;
  readonly width: number;
  readonly height: number;
  /** A pinned node keeps this top-left position; layout flows the others around it. */
  readonly pinned: { readonly x: number; readonly y: number } | null;
}

export interface LayoutInput {
  readonly goals: readonly LayoutNodeInput[];
  readonly stakeholders: readonly LayoutNodeInput[];
  /** Child → parent ("contributes to"), as in the model. */
  readonly links: readonly { readonly from: string; readonly to: string }[];
  /** Stakeholder → goal ties; used to place each person beneath the goals they hold. */
  readonly incentives: readonly { readonly stakeholderId: string; readonly goalId: string }[];
  /** Width ÷ height of the screen the map should fit; the layout assumes 16:10 without it. */
  readonly aspect?: number;
  /** Which way the tree grows; top-down without it. */
  readonly orientation?: Orientation;
}

/** Top-left positions by node id (the record's kind and id, see nodeIds). */
export type LayoutPositions = Readonly<Record<string, { readonly x: number; readonly y: number }>>;

/** Node box sizes the canvas draws and the layout reserves; one source so they cannot drift. */
export const NODE_SIZE: Readonly<
  Record<GoalKind | 'stakeholder', { width: number; height: number }>
> = {
  mission: { width: 280, height: 84 },
  objective: { width: 220, height: 80 },
  kpi: { width: 200, height: 100 },
  stakeholder: { width: 180, height: 60 },
};
