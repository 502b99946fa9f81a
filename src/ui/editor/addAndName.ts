import type { MapDocument } from '../../domain/model';
import { addGoalNearSelection, addStakeholderToMap } from '../../store/addActions';
import { sessionStore } from '../../store/sessionStore';

/** Adds a goal (below the selected one); its inspector focuses the Title, so typing names it. */
export function addGoalAndName(doc: MapDocument): void {
  const goal = addGoalNearSelection(doc);
  if (goal) sessionStore.getState().requestFocus(goal);
}

/** Adds a person; their inspector focuses the Name field, so typing names them. */
export function addStakeholderAndName(): void {
  const person = addStakeholderToMap();
  if (person) sessionStore.getState().requestFocus(person);
}
