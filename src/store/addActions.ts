import { addGoal, addStakeholder, linkGoals } from '../domain/commands';
import { asGoalId, asStakeholderId, newId, type GoalId, type StakeholderId } from '../domain/ids';
import type { GoalKind, MapDocument } from '../domain/model';
import { applyEdit } from './applyEdit';
import { selectedIdsOf } from './selection';
import type { App } from './app';

/** The kind a new goal most likely has, one level below its parent. */
function childKind(doc: MapDocument, parent: GoalId | undefined): GoalKind {
  if (parent === undefined) return doc.goals.length === 0 ? 'mission' : 'objective';
  const kind = doc.goals.find((g) => g.id === parent)?.kind;
  return kind === 'mission' ? 'objective' : 'kpi';
}

/**
 * Adds a goal as a child of the one selected goal (or free-standing) in ONE undo step, and
 * selects it so its title can be typed straight away.
 */
export function addGoalNearSelection(app: App, doc: MapDocument): GoalId | null {
  const selected = selectedIdsOf(app.sessionStore.getState().selection, 'goal');
  const parent = selected.length === 1 ? selected[0] : undefined;
  const id = asGoalId(newId('g'));
  const kind = childKind(doc, parent);
  const title = kind === 'mission' ? 'Our mission' : kind === 'kpi' ? 'New KPI' : 'New objective';
  const added = applyEdit(app, (d) => {
    const withGoal = addGoal(d, { id, title, kind });
    return withGoal.ok && parent !== undefined ? linkGoals(withGoal.value, id, parent) : withGoal;
  });
  if (!added) return null;
  app.sessionStore.getState().select([{ kind: 'goal', id }]);
  return id;
}

/** Adds a stakeholder in the next free palette colour and selects it; null when refused. */
export function addStakeholderToMap(app: App): StakeholderId | null {
  const id = asStakeholderId(newId('s'));
  if (!applyEdit(app, (d) => addStakeholder(d, { id, name: 'New stakeholder' }))) return null;
  app.sessionStore.getState().select([{ kind: 'stakeholder', id }]);
  return id;
}
