import type { App } from '../../store/app';
import { removeConflict } from '../../domain/commands';
import type { Conflict } from '../../domain/model';
import { applyEdit } from '../../store/applyEdit';

/** Deletes a conflict as one undoable edit and says so, with the way back one click away. */
export function deleteConflict(app: App, conflict: Conflict): void {
  if (!applyEdit(app, (doc) => removeConflict(doc, conflict.id))) return;
  app.sessionStore.getState().showNotice({
    kind: 'info',
    text: `Deleted conflict "${conflict.title}".`,
    action: { label: 'Undo', run: () => app.documentStore.getState().undo() },
  });
}
