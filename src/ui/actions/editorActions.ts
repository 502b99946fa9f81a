import type { MapDocument } from '../../domain/model';
import type { App } from '../../store/app';
import {
  ORIENTATION_DESCRIPTION,
  ORIENTATION_LABEL,
  switchOrientation,
} from '../../canvas/OrientationControl';
import { deleteSelection } from '../../store/deleteSelection';
import type { Panel } from '../../store/sessionStore';
import { addGoalAndName, addStakeholderAndName } from '../editor/addAndName';
import { reportFailure } from '../reportFailure';
import type { Action } from './action';
import type { ActionState } from './actionState';

/** The dialogs the editor's actions open. */
export type EditorDialog = 'history' | 'shortcuts' | 'palette' | 'share';

/** What the editor's actions need from the screen. */
export interface EditorContext {
  readonly app: App;
  readonly fitView: () => void;
  readonly focusSearch: () => void;
  readonly openDialog: (dialog: EditorDialog) => void;
}

/** Runs with the open map; there is always one while the editor shows. */
const withDoc =
  (run: (app: App, doc: MapDocument) => void) =>
  ({ app }: EditorContext) => {
    const doc = app.documentStore.getState().doc;
    if (doc) run(app, doc);
  };

function selectAll(app: App, doc: MapDocument): void {
  app.sessionStore
    .getState()
    .select([
      ...doc.goals.map((g) => ({ kind: 'goal' as const, id: g.id })),
      ...doc.stakeholders.map((s) => ({ kind: 'stakeholder' as const, id: s.id })),
    ]);
}

/** A map open view-only (a room's view link) cannot be changed from here. */
const canEdit = (s: ActionState): boolean => !s.readOnly;

/** A side panel's button: opens it, or closes it when it is the one open. */
const panelToggle = (panel: Panel) => ({
  pressed: (s: ActionState) => s.openPanel === panel,
  run: ({ app }: EditorContext) => {
    const session = app.sessionStore.getState();
    session.setOpenPanel(session.openPanel === panel ? null : panel);
  },
});

/**
 * Every action of the editor, in the order the palette lists them. The header and the canvas
 * toolbar draw their buttons from here, the keyboard handler runs them, the `?` dialog and the
 * command palette list them.
 */
const TABLE = [
  {
    id: 'add-goal',
    label: 'Add goal',
    description: 'Add a goal (below the selected goal)',
    keys: [{ key: 'g' }],
    enabled: canEdit,
    run: withDoc(addGoalAndName),
  },
  {
    id: 'add-stakeholder',
    label: 'Add stakeholder',
    description: 'Add a person (stakeholder)',
    keys: [{ key: 'p' }],
    enabled: canEdit,
    run: ({ app }) => addStakeholderAndName(app),
  },
  {
    id: 'undo',
    label: 'Undo',
    keys: [{ key: 'z', mod: true, shift: false }],
    enabled: (s) => s.canUndo,
    run: ({ app }) => app.documentStore.getState().undo(),
  },
  {
    id: 'redo',
    label: 'Redo',
    keys: [
      { key: 'z', mod: true, shift: true },
      { key: 'y', mod: true },
    ],
    enabled: (s) => s.canRedo,
    run: ({ app }) => app.documentStore.getState().redo(),
  },
  {
    id: 'history',
    label: 'History',
    description: 'Earlier versions of this map',
    opensDialog: true,
    run: (c) => c.openDialog('history'),
  },
  {
    id: 'auto-layout',
    label: 'Auto layout',
    description: 'Lay the map out again (releases pinned goals and people)',
    enabled: canEdit,
    run: ({ app }) => app.positionsStore.getState().requestLayout({ releasePins: true }),
  },
  {
    id: 'orientation',
    label: ORIENTATION_LABEL,
    description: ORIENTATION_DESCRIPTION,
    pressed: (s) => s.orientation === 'leftRight',
    enabled: canEdit,
    run: withDoc((app, doc) => switchOrientation(app, doc.map.id)),
  },
  {
    id: 'fit-view',
    label: 'Fit view',
    description: 'Fit the map to the screen',
    keys: [{ key: 'f' }],
    run: (c) => c.fitView(),
  },
  {
    id: 'workshop',
    label: 'Workshop mode',
    short: 'Workshop',
    // Its code comes with the click (full screen may still be asked: the click's activation lasts).
    run: withDoc((app, doc) => {
      import('../workshop/startWorkshop').then(
        (m) => m.startWorkshop(app, doc),
        (error: unknown) => reportFailure(app, 'Workshop mode could not be started', error),
      );
    }),
  },
  {
    id: 'search',
    label: 'Search map',
    description: 'Search the map',
    keys: [{ key: '/' }],
    run: (c) => c.focusSearch(),
  },
  {
    id: 'select-all',
    label: 'Select everything',
    keys: [{ key: 'a', mod: true }],
    run: withDoc(selectAll),
  },
  {
    id: 'delete-selection',
    label: 'Delete the selection',
    keys: [{ key: 'Delete' }, { key: 'Backspace' }],
    enabled: (s) => s.selected > 0 && canEdit(s),
    run: ({ app }) => deleteSelection(app),
  },
  {
    id: 'clear-selection',
    label: 'Clear the selection',
    keys: [{ key: 'Escape' }],
    enabled: (s) => s.selected > 0,
    run: ({ app }) => app.sessionStore.getState().clearSelection(),
  },
  {
    id: 'share',
    label: 'Share',
    description: 'Share this map as a room: links to edit it or view it live on other devices',
    opensDialog: true,
    run: (c) => c.openDialog('share'),
  },
  { id: 'conflicts', label: 'Conflicts', ...panelToggle('conflicts') },
  { id: 'alignment', label: 'Alignment matrix', ...panelToggle('alignment') },
  { id: 'health', label: 'Map health', ...panelToggle('health') },
  {
    id: 'maps',
    label: 'Maps',
    description: 'Open the library of all maps',
    run: ({ app }) => void app.libraryStore.getState().showLibrary(),
  },
  {
    id: 'new-map',
    label: 'New map',
    description: 'Create an empty map and open it',
    run: ({ app }) => void app.libraryStore.getState().createMap('empty'),
  },
  {
    id: 'palette',
    label: 'Command palette',
    description: 'Find and run any action',
    keys: [{ key: 'k', mod: true }],
    whileTyping: true,
    opensDialog: true,
    run: (c) => c.openDialog('palette'),
  },
  {
    id: 'shortcuts',
    label: 'Keyboard shortcuts',
    description: 'Show these shortcuts',
    short: '?',
    keys: [{ key: '?' }],
    opensDialog: true,
    run: (c) => c.openDialog('shortcuts'),
  },
] as const satisfies readonly Action<EditorContext>[];

export const EDITOR_ACTIONS: readonly Action<EditorContext>[] = TABLE;

export type EditorActionId = (typeof TABLE)[number]['id'];

export function editorAction(id: EditorActionId): Action<EditorContext> {
  const action = EDITOR_ACTIONS.find((a) => a.id === id);
  if (!action) throw new Error(`No editor action "${id}"`);
  return action;
}
