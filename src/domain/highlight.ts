import type { GoalId, StakeholderId } from './ids';

/** One party's walk up the tree, in that party's colour. */
export interface PartyPath {
  readonly stakeholderId: StakeholderId;
  readonly color: string;
  /** From the party's incentive goal up to the common goal. */
  readonly path: readonly GoalId[];
}

/**
 * What an open common-ground view emphasises: each party's path and the goal they meet at. The
 * canvas draws it and the SVG/PNG exports draw the same picture, so both read this one shape.
 */
export interface Highlight {
  readonly paths: readonly PartyPath[];
  readonly nearestGoalId: GoalId | null;
}
