import { useShallow } from 'zustand/react/shallow';
import { selectionSize } from '../../store/deleteSelection';
import {
  documentStore,
  selectCanRedo,
  selectCanUndo,
  useDocumentHistory,
} from '../../store/documentStore';
import type { Orientation } from '../../domain/orientation';
import { mapViewStore, selectOrientation, useMapView } from '../../store/mapViewStore';
import {
  sessionStore,
  useSessionStore,
  type Panel,
  type SessionState,
} from '../../store/sessionStore';

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
  selected: selectionSize(s),
  openPanel: s.openPanel,
});

/** The state now, for a key press. */
export function readActionState(): ActionState {
  const history = documentStore.temporal.getState();
  return {
    canUndo: selectCanUndo(history),
    canRedo: selectCanRedo(history),
    ...selectSessionPart(sessionStore.getState()),
    orientation: selectOrientation(mapViewStore.getState()),
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
