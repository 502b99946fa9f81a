import {
  removeGoals,
  removeIncentive,
  removeStakeholder,
  removeTradeOff,
  unlinkGoals,
  type CommandResult,
} from '../domain/commands';
import type { MapDocument } from '../domain/model';
import { ok } from '../domain/result';
import { applyEdit } from './applyEdit';
import type { App } from './app';
import { selectedIdsOf, type Selection } from './selection';

type Step = (doc: MapDocument) => CommandResult;

/**
 * Deletes everything selected as ONE undoable edit. Removing a goal or a person also removes
 * their links and incentives, so each step first checks its record is still there.
 */
export function deleteCommand(selection: Selection) {
  return (doc: MapDocument): CommandResult => {
    const steps: Step[] = [
      ...selectedIdsOf(selection, 'incentive').map(
        (id): Step =>
          (d) =>
            d.incentives.some((i) => i.id === id) ? removeIncentive(d, id) : ok(d),
      ),
      ...selectedIdsOf(selection, 'tradeOff').map(
        (id): Step =>
          (d) =>
            d.tradeOffs.some((t) => t.id === id) ? removeTradeOff(d, id) : ok(d),
      ),
      ...selectedIdsOf(selection, 'link').map(
        (id): Step =>
          (d) =>
            d.links.some((l) => l.id === id) ? unlinkGoals(d, { linkId: id }) : ok(d),
      ),
      ...selectedIdsOf(selection, 'stakeholder').map(
        (id): Step =>
          (d) =>
            d.stakeholders.some((s) => s.id === id) ? removeStakeholder(d, id) : ok(d),
      ),
      (d) =>
        removeGoals(
          d,
          selectedIdsOf(selection, 'goal').filter((id) => d.goals.some((g) => g.id === id)),
        ),
    ];
    return steps.reduce<CommandResult>((r, step) => (r.ok ? step(r.value) : r), ok(doc));
  };
}

/** Deletes the current selection, clears it, and says how to get it back. */
export function deleteSelection(app: App): void {
  const session = app.sessionStore.getState();
  const count = session.selection.length;
  if (count === 0) return;
  if (applyEdit(app, deleteCommand(session.selection))) {
    session.clearSelection();
    session.showNotice({
      kind: 'info',
      text: `Deleted ${count === 1 ? '1 item' : `${count} items`}. Undo with Ctrl+Z.`,
    });
  }
}
