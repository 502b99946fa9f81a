import type { Highlight } from '../../domain/highlight';
import { climbsOf, goalIndexOf } from '../../domain/engine';
import { getLinkIndex } from '../../domain/graph';
import type { GoalId, StakeholderId } from '../../domain/ids';
import type { Incentive, MapDocument, Stakeholder } from '../../domain/model';

/** One goal in up(P): how far above P's incentives it sits and who else reaches it. */
export interface ReachedGoal {
  readonly goalId: GoalId;
  /** d_P(goal): 0 for the goals P holds incentives on. */
  readonly climb: number;
  /** Other stakeholders whose up-sets include this goal, in map order. */
  readonly sharedWith: readonly StakeholderId[];
}

/** Everything "view as stakeholder" shows about one person. */
export interface StakeholderView {
  readonly stakeholder: Stakeholder;
  readonly incentives: readonly Incentive[];
  /** up(P), nearest first, then in map order. */
  readonly reached: readonly ReachedGoal[];
}

/** The person's incentives, every goal above them, and who else serves each of those goals. */
export function computeStakeholderView(
  doc: MapDocument,
  stakeholderId: StakeholderId,
): StakeholderView | null {
  const stakeholder = doc.stakeholders.find((s) => s.id === stakeholderId);
  if (!stakeholder) return null;
  const index = goalIndexOf(doc);
  const mine = climbsOf(index, stakeholderId);
  const others = doc.stakeholders
    .filter((s) => s.id !== stakeholderId)
    .map((s) => ({ id: s.id, up: climbsOf(index, s.id) }));
  const order = new Map<string, number>(doc.goals.map((g, k) => [g.id, k]));
  const reached = [...mine]
    .map(([goalId, climb]) => ({
      goalId,
      climb,
      sharedWith: others.filter((o) => o.up.has(goalId)).map((o) => o.id),
    }))
    .sort((a, b) => a.climb - b.climb || (order.get(a.goalId) ?? 0) - (order.get(b.goalId) ?? 0));
  return {
    stakeholder,
    incentives: doc.incentives.filter((i) => i.stakeholderId === stakeholderId),
    reached,
  };
}

/**
 * The canvas emphasis for one person: every link inside up(P) in their colour (up(P) is closed
 * upwards, so each parent of a reached goal is reached too), the rest of the map dimmed.
 */
export function toStakeholderHighlight(doc: MapDocument, view: StakeholderView): Highlight {
  const { parents } = getLinkIndex(doc.links);
  const { id, color } = view.stakeholder;
  const paths = view.reached.flatMap(({ goalId }) => {
    const up = parents.get(goalId) ?? [];
    return up.length === 0 ? [[goalId]] : up.map((parent) => [goalId, parent]);
  });
  return {
    nearestGoalId: null,
    paths: paths.map((path) => ({ stakeholderId: id, color, path })),
  };
}
