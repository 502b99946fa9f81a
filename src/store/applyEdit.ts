import type { CommandError } from '../domain/commands';
import { documentStore, type Command } from './documentStore';
import { sessionStore } from './sessionStore';

const VIEW_ONLY =
  'This map is view only: you opened it with a view link. Ask for the edit link to change it.';

/**
 * Runs one edit through the document store; a refused edit is shown to the user with the
 * command's own message (which names the goals involved) and changes nothing.
 */
export function applyEdit(command: Command<CommandError>): boolean {
  if (documentStore.getState().readOnly) {
    sessionStore.getState().showNotice({ kind: 'error', text: VIEW_ONLY });
    return false;
  }
  const error = documentStore.getState().apply(command);
  if (error) sessionStore.getState().showNotice({ kind: 'error', text: error.message });
  return error === null;
}
