import { useShallow } from 'zustand/react/shallow';
import type { App } from '../../store/app';
import { selectCanRedo, selectCanUndo, useDocumentHistory } from '../../store/documentStore';
import { useSessionStore, type Panel, type SessionState } from '../../store/sessionStore';
import type { Orientation } from '../../domain/orientation';
import { selectOrientation, useMapView } from '../../store/mapViewStore';

/** What decides whether an action can run, or is pressed, right now. */
export interface ActionState {
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  /** How many records are selected. */
  readonly selected: number;
  readonly openPanel: Panel | null;
  /** How the open map's tree is drawn. */
  readonly orientation: Orientation;
}

const selectSessionPart = (s: SessionState) => ({
  selected: s.selection.length,
  openPanel: s.openPanel,
});

/** The state now, for a key press. */
export function readActionState(app: App): ActionState {
  const history = app.documentStore.temporal.getState();
  return {
    canUndo: selectCanUndo(history),
    canRedo: selectCanRedo(history),
    ...selectSessionPart(app.sessionStore.getState()),
    orientation: selectOrientation(app.mapViewStore.getState()),
  };
}

/** The state as it changes, for a button or the palette. */
export function useActionState(): ActionState {
  const canUndo = useDocumentHistory(selectCanUndo);
  const canRedo = useDocumentHistory(selectCanRedo);
  const session = useSessionStore(useShallow(selectSessionPart));
  const orientation = useMapView(selectOrientation);
  return { canUndo, canRedo, ...session, orientation };
}
