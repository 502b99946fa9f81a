import { useShallow } from 'zustand/react/shallow';
import type { App } from '../../store/app';
import {
  selectCanRedo,
  selectCanUndo,
  selectReadOnly,
  useDocumentHistory,
  useDocumentStore,
} from '../../store/documentStore';
import { useRoomStore, type RoomState } from '../../store/roomStore';
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
  /** The map is open view-only (a room's view link): nothing may change it. */
  readonly readOnly: boolean;
}

const selectSessionPart = (s: SessionState) => ({
  selected: s.selection.length,
  openPanel: s.openPanel,
});

/** In a room, undo takes back only this device's edits: the room says what there is to undo. */
const selectRoomUndo = (s: RoomState) =>
  s.room ? { canUndo: s.canUndo, canRedo: s.canRedo } : null;

/** The state now, for a key press. */
export function readActionState(app: App): ActionState {
  const history = app.documentStore.temporal.getState();
  return {
    canUndo: selectCanUndo(history),
    canRedo: selectCanRedo(history),
    ...selectRoomUndo(app.roomStore.getState()),
    ...selectSessionPart(app.sessionStore.getState()),
    orientation: selectOrientation(app.mapViewStore.getState()),
    readOnly: app.documentStore.getState().readOnly,
  };
}

/** The state as it changes, for a button or the palette. */
export function useActionState(): ActionState {
  const canUndo = useDocumentHistory(selectCanUndo);
  const canRedo = useDocumentHistory(selectCanRedo);
  const session = useSessionStore(useShallow(selectSessionPart));
  const orientation = useMapView(selectOrientation);
  const roomUndo = useRoomStore(useShallow(selectRoomUndo));
  const readOnly = useDocumentStore(selectReadOnly);
  return { canUndo, canRedo, ...roomUndo, ...session, orientation, readOnly };
}
