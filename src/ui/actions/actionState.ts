import { useShallow } from 'zustand/react/shallow';
import { selectionSize } from '../../store/deleteSelection';
import {
  documentStore,
  selectCanRedo,
  selectCanUndo,
  selectReadOnly,
  useDocumentHistory,
  useDocumentStore,
} from '../../store/documentStore';
import { roomStore, useRoomStore, type RoomState } from '../../store/roomStore';
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
  /** The map is open view-only (a room's view link): nothing may change it. */
  readonly readOnly: boolean;
}

const selectSessionPart = (s: SessionState) => ({
  selected: selectionSize(s),
  openPanel: s.openPanel,
});

/** In a room, undo takes back only this device's edits: the room says what there is to undo. */
const selectRoomUndo = (s: RoomState) =>
  s.room ? { canUndo: s.canUndo, canRedo: s.canRedo } : null;

/** The state now, for a key press. */
export function readActionState(): ActionState {
  const history = documentStore.temporal.getState();
  return {
    canUndo: selectCanUndo(history),
    canRedo: selectCanRedo(history),
    ...selectRoomUndo(roomStore.getState()),
    ...selectSessionPart(sessionStore.getState()),
    readOnly: documentStore.getState().readOnly,
  };
}

/** The state as it changes, for a button or the palette. */
export function useActionState(): ActionState {
  const canUndo = useDocumentHistory(selectCanUndo);
  const canRedo = useDocumentHistory(selectCanRedo);
  const session = useSessionStore(useShallow(selectSessionPart));
  const roomUndo = useRoomStore(useShallow(selectRoomUndo));
  const readOnly = useDocumentStore(selectReadOnly);
  return { canUndo, canRedo, ...roomUndo, ...session, readOnly };
}
