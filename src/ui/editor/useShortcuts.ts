import { useEffect } from 'react';
import { useReactFlow } from '@xyflow/react';
import { FIT_ALL } from '../../canvas/fitOptions';
import { deleteSelection } from '../../store/deleteSelection';
import { documentStore } from '../../store/documentStore';
import { sessionStore } from '../../store/sessionStore';
import { addGoalAndName, addStakeholderAndName } from './addAndName';

/** One place that lists every shortcut: the handler below and the `?` overlay both read it. */
export const SHORTCUTS: readonly { keys: string; action: string }[] = [
  { keys: 'G', action: 'Add a goal (below the selected goal)' },
  { keys: 'P', action: 'Add a person (stakeholder)' },
  {
    keys: 'Tab, then ↑ ↓ ← →',
    action: 'Move between goals: up to a parent, down to a child, across to siblings',
  },
  { keys: 'Enter or Space on a goal', action: 'Select it and show its details' },
  { keys: 'Delete / Backspace', action: 'Delete the selection' },
  { keys: 'Ctrl/⌘ + Z', action: 'Undo' },
  { keys: 'Ctrl/⌘ + Shift + Z, Ctrl/⌘ + Y', action: 'Redo' },
  { keys: 'Ctrl/⌘ + A', action: 'Select everything' },
  { keys: 'F', action: 'Fit the map to the screen' },
  { keys: '/', action: 'Search the map' },
  { keys: 'Escape', action: 'Clear the selection' },
  { keys: 'Shift + click, Shift + drag', action: 'Select several' },
  { keys: '?', action: 'Show these shortcuts' },
];

/** Keys typed into a field, or pressed inside a dialog, belong to that field or dialog. */
const isElsewhere = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement &&
  (target.isContentEditable ||
    ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) ||
    target.closest('dialog') !== null);

function addGoal(): void {
  const doc = documentStore.getState().doc;
  if (doc) addGoalAndName(doc);
}

function selectAll(): void {
  const doc = documentStore.getState().doc;
  if (!doc) return;
  sessionStore.getState().select({
    goals: doc.goals.map((g) => g.id),
    stakeholders: doc.stakeholders.map((s) => s.id),
  });
}

/** Keyboard shortcuts of the editor; keys typed into a field stay in the field. */
export function useShortcuts(handlers: { focusSearch: () => void; toggleHelp: () => void }): void {
  const { fitView } = useReactFlow();
  const { focusSearch, toggleHelp } = handlers;
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (isElsewhere(e.target) || e.altKey) return;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      const run = (action: () => void) => {
        e.preventDefault();
        action();
      };
      const undo = () => documentStore.getState().undo();
      const redo = () => documentStore.getState().redo();
      if (mod && key === 'z') run(e.shiftKey ? redo : undo);
      else if (mod && key === 'y') run(redo);
      else if (mod && key === 'a') run(selectAll);
      else if (mod) return;
      else if (e.key === 'Delete' || e.key === 'Backspace') run(deleteSelection);
      else if (key === 'f') run(() => void fitView(FIT_ALL));
      else if (key === 'g') run(addGoal);
      else if (key === 'p') run(addStakeholderAndName);
      else if (e.key === '/') run(focusSearch);
      else if (e.key === '?') run(toggleHelp);
      else if (e.key === 'Escape') run(() => sessionStore.getState().clearSelection());
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [fitView, focusSearch, toggleHelp]);
}
