import { DEFAULT_METRIC, newGoal } from '../factories';
import type { NewGoalInput } from '../factories';
import type { GoalId } from '../ids';
import type { Goal, MapDocument, Position } from '../model';
import { ok } from '../result';
import { duplicateId, notFound } from './errors';
import type { CommandResult } from './errors';
import { checkGoal } from '../records';
import { moveNodes } from './positions';
import { hasId, indexOfId, refuseBroken, replaceAt } from './records';

/** Fields of a goal the inspector edits; positions change through moveGoal. */
export type GoalPatch = Partial<Pick<Goal, 'title' | 'kind' | 'description' | 'metric' | 'owner'>>;

/**
 * Titles are checked (not blank) but stored as typed: trimming here would eat the space a user
 * just typed between two words while editing a title live.
 */
export function addGoal(doc: MapDocument, input: NewGoalInput): CommandResult {
  const goal = newGoal(input);
  if (hasId(doc.goals, goal.id)) return duplicateId('goal', goal.id);
  if (goal.owner !== null && !hasId(doc.stakeholders, goal.owner)) {
    return notFound('stakeholder', goal.owner);
  }
  const refusal = refuseBroken(checkGoal(goal));
  if (refusal) return refusal;
  return ok({ ...doc, goals: [...doc.goals, goal] });
}

/** Turning a goal into a KPI gives it an empty metric to fill in; other kinds keep theirs. */
export function updateGoal(doc: MapDocument, goalId: GoalId, patch: GoalPatch): CommandResult {
  const index = indexOfId(doc.goals, goalId);
  const goal = doc.goals[index];
  if (goal === undefined) return notFound('goal', goalId);
  const kind = patch.kind ?? goal.kind;
  const metric =
    patch.metric !== undefined
      ? patch.metric
      : kind === 'kpi' && goal.metric === null
        ? DEFAULT_METRIC
        : goal.metric;
  const next: Goal = {
    id: goal.id,
    title: patch.title ?? goal.title,
    kind,
    description: patch.description ?? goal.description,
    metric,
    position: goal.position,
    owner: patch.owner !== undefined ? patch.owner : goal.owner,
  };
  if (next.owner !== null && !hasId(doc.stakeholders, next.owner)) {
    return notFound('stakeholder', next.owner);
  }
  const refusal = refuseBroken(checkGoal(next));
  if (refusal) return refusal;
  return ok({ ...doc, goals: replaceAt(doc.goals, index, next) });
}

export function removeGoal(doc: MapDocument, goalId: GoalId): CommandResult {
  return removeGoals(doc, [goalId]);
}

/**
 * Removes the goals with their links, trade-offs and incentives, and forgets them as a conflict's agreed goal
 * (the conflict itself stays). All or nothing: one unknown id refuses the whole removal.
 */
export function removeGoals(doc: MapDocument, goalIds: readonly GoalId[]): CommandResult {
  const known = new Set(doc.goals.map((g) => g.id));
  const missing = goalIds.find((id) => !known.has(id));
  if (missing !== undefined) return notFound('goal', missing);
  const gone = new Set(goalIds);
  const conflictsAgreeing = doc.conflicts.some(
    (c) => c.agreedGoalId !== null && gone.has(c.agreedGoalId),
  );
  return ok({
    ...doc,
    goals: doc.goals.filter((g) => !gone.has(g.id)),
    links: doc.links.filter((l) => !gone.has(l.from) && !gone.has(l.to)),
    tradeOffs: doc.tradeOffs.filter((t) => !gone.has(t.a) && !gone.has(t.b)),
    incentives: doc.incentives.filter((i) => !gone.has(i.goalId)),
    conflicts: conflictsAgreeing
      ? doc.conflicts.map((c) =>
          c.agreedGoalId !== null && gone.has(c.agreedGoalId) ? { ...c, agreedGoalId: null } : c,
        )
      : doc.conflicts,
  });
}

/** A position places (and usually pins) the goal; null hands it back to auto layout. */
export function moveGoal(
  doc: MapDocument,
  goalId: GoalId,
  position: Position | null,
): CommandResult {
  return moveGoals(doc, new Map([[goalId, position]]));
}

/** Moves many goals in one edit (dragging a selection, applying a layout): one undo step. */
export function moveGoals(
  doc: MapDocument,
  positions: ReadonlyMap<GoalId, Position | null>,
): CommandResult {
  return moveNodes(doc, { goals: positions });
}
