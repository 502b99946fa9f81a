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
import type { SessionData } from './sessionStore';

type Step = (doc: MapDocument) => CommandResult;
type SelectionLists = Pick<
  SessionData,
  | 'selectedGoalIds'
  | 'selectedStakeholderIds'
  | 'selectedLinkIds'
  | 'selectedIncentiveIds'
  | 'selectedTradeOffIds'
>;

/**
 * Deletes everything selected as ONE undoable edit. Removing a goal or a person also removes
 * their links and incentives, so each step first checks its record is still there.
 */
export function deleteCommand(selection: SelectionLists) {
  return (doc: MapDocument): CommandResult => {
    const steps: Step[] = [
      ...selection.selectedIncentiveIds.map(
        (id): Step =>
          (d) =>
            d.incentives.some((i) => i.id === id) ? removeIncentive(d, id) : ok(d),
      ),
      ...selection.selectedTradeOffIds.map(
        (id): Step =>
          (d) =>
            d.tradeOffs.some((t) => t.id === id) ? removeTradeOff(d, id) : ok(d),
      ),
      ...selection.selectedLinkIds.map(
        (id): Step =>
          (d) =>
            d.links.some((l) => l.id === id) ? unlinkGoals(d, { linkId: id }) : ok(d),
      ),
      ...selection.selectedStakeholderIds.map(
        (id): Step =>
          (d) =>
            d.stakeholders.some((s) => s.id === id) ? removeStakeholder(d, id) : ok(d),
      ),
      (d) =>
        removeGoals(
          d,
          selection.selectedGoalIds.filter((id) => d.goals.some((g) => g.id === id)),
        ),
    ];
    return steps.reduce<CommandResult>((r, step) => (r.ok ? step(r.value) : r), ok(doc));
  };
}

/** How many records a selection names, for messages like "Deleted 3 items". */
export function selectionSize(s: SelectionLists): number {
  return (
    s.selectedGoalIds.length +
    s.selectedStakeholderIds.length +
    s.selectedLinkIds.length +
    s.selectedIncentiveIds.length +
    s.selectedTradeOffIds.length
  );
}

/** Deletes the current selection, clears it, and says how to get it back. */
export function deleteSelection(app: App): void {
  const session = app.sessionStore.getState();
  const count = selectionSize(session);
  if (count === 0) return;
  if (applyEdit(app, deleteCommand(session))) {
    session.clearSelection();
    session.showNotice({
      kind: 'info',
      text: `Deleted ${count === 1 ? '1 item' : `${count} items`}. Undo with Ctrl+Z.`,
    });
  }
}
