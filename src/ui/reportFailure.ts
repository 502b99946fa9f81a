import type { App } from '../store/app';
import { describeError } from '../domain/result';

/** Tells the user, where they are looking, that something they asked for failed and why. */
export function reportFailure(app: App, what: string, error: unknown): void {
  app.sessionStore
    .getState()
    .showNotice({ kind: 'error', text: `${what}: ${describeError(error)}` });
}
