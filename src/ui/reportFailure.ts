import { sessionStore } from '../store/sessionStore';
import { describeError } from '../domain/result';

/** Tells the user, where they are looking, that something they asked for failed and why. */
export function reportFailure(what: string, error: unknown): void {
  sessionStore.getState().showNotice({ kind: 'error', text: `${what}: ${describeError(error)}` });
}
