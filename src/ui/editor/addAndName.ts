import type { MapDocument } from '../../domain/model';
import { addGoalNearSelection, addStakeholderToMap } from '../../store/addActions';
import { focusWhenShown } from '../../canvas/focusSoon';
import { whenGoalInspectorLoaded } from '../inspector/Inspector';

/** Adds a goal (below the selected one) and selects its Title field, so typing names it. */
export function addGoalAndName(doc: MapDocument): void {
  if (!addGoalNearSelection(doc)) return;
  // The goal's details load on demand: wait for their code, then for React to show them.
  void whenGoalInspectorLoaded().then(() => focusWhenShown('[aria-label="Goal details"] input'));
}

/** Adds a person and selects their Name field, so typing names them. */
export function addStakeholderAndName(): void {
  if (addStakeholderToMap()) focusWhenShown('[aria-label="Stakeholder details"] input');
}
