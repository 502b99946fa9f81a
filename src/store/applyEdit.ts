import type { CommandError } from '../domain/commands';
import { documentStore, type Command } from './documentStore';
import { sessionStore } from './sessionStore';

/**
 * Runs one edit through the document store; a refused edit is shown to the user with the
 * command's own message (which names the goals involved) and changes nothing.
 */
export function applyEdit(command: Command<CommandError>): boolean {
  const error = documentStore.getState().apply(command);
  if (error) sessionStore.getState().showNotice({ kind: 'error', text: error.message });
  return error === null;
}
