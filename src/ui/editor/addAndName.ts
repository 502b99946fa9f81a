import type { MapDocument } from '../../domain/model';
import type { App } from '../../store/app';
import { addGoalNearSelection, addStakeholderToMap } from '../../store/addActions';

/** Adds a goal (below the selected one); its inspector focuses the Title, so typing names it. */
export function addGoalAndName(app: App, doc: MapDocument): void {
  const goal = addGoalNearSelection(app, doc);
  if (goal) app.sessionStore.getState().requestFocus(goal);
}

/** Adds a person; their inspector focuses the Name field, so typing names them. */
export function addStakeholderAndName(app: App): void {
  const person = addStakeholderToMap(app);
  if (person) app.sessionStore.getState().requestFocus(person);
}
