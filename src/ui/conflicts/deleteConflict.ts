import { removeConflict } from '../../domain/commands';
import type { Conflict } from '../../domain/model';
import { documentStore } from '../../store/documentStore';
import { sessionStore } from '../../store/sessionStore';
import { applyEdit } from '../../store/applyEdit';

/** Deletes a conflict as one undoable edit and says so, with the way back one click away. */
export function deleteConflict(conflict: Conflict): void {
  if (!applyEdit((doc) => removeConflict(doc, conflict.id))) return;
  sessionStore.getState().showNotice({
    kind: 'info',
    text: `Deleted conflict "${conflict.title}".`,
    action: { label: 'Undo', run: () => documentStore.getState().undo() },
  });
}
