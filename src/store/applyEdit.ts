import type { CommandError } from '../domain/commands';
import type { App } from './app';
import type { Command } from './documentStore';

const VIEW_ONLY =
  'This map is view only: you opened it with a view link. Ask for the edit link to change it.';

/**
 * Runs one edit through the document store; a refused edit is shown to the user with the
 * command's own message (which names the goals involved) and changes nothing.
 */
export function applyEdit(app: App, command: Command<CommandError>): boolean {
  if (app.documentStore.getState().readOnly) {
    app.sessionStore.getState().showNotice({ kind: 'error', text: VIEW_ONLY });
    return false;
  }
  const error = app.documentStore.getState().apply(command);
  if (error) app.sessionStore.getState().showNotice({ kind: 'error', text: error.message });
  return error === null;
}
