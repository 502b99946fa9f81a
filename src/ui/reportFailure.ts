import { sessionStore } from '../store/sessionStore';

/** Tells the user, where they are looking, that something they asked for failed and why. */
export function reportFailure(what: string, error: unknown): void {
  const reason = error instanceof Error ? error.message : String(error);
  sessionStore.getState().showNotice({ kind: 'error', text: `${what}: ${reason}` });
}
