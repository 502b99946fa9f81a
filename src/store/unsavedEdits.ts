import { recoverUnsavedEdits, type Recovery } from '../db/recoverUnsaved';
import type { CommonGroundDb } from '../db/schema';
import type { App } from './app';
import type { Notice } from './sessionStore';
import { describeError } from '../domain/result';

function noticeFor(recovery: Recovery): Notice | null {
  switch (recovery.kind) {
    case 'stored':
      return {
        kind: 'info',
        text: `Your last edits to “${recovery.mapName}” were saved as the app started again.`,
      };
    case 'kept-in-history':
      return {
        kind: 'info',
        text: `Edits to “${recovery.mapName}” from a tab that closed before saving them are in History: the map had changed since.`,
      };
    case 'already-stored':
      return null;
    case 'dropped':
      return { kind: 'error', text: `Unsaved edits were not restored: ${recovery.reason}.` };
  }
}

/**
 * On start, before a map opens: stores what tabs closed mid-save left behind and says so. A
 * failure is said too, and the edits stay for the next start.
 */
export async function recoverEditsLeftBehind(app: App, db: CommonGroundDb): Promise<void> {
  const session = app.sessionStore.getState();
  try {
    const notices = (await recoverUnsavedEdits(db)).flatMap((r) => noticeFor(r) ?? []);
    // Errors first: the one notice shown must be the one that needs the user.
    const first = notices.find((n) => n.kind === 'error') ?? notices[0];
    if (first) session.showNotice(first);
  } catch (error) {
    session.showNotice({
      kind: 'error',
      text: `Edits left by a closed tab could not be stored yet (${describeError(error)}); they are kept for the next start.`,
    });
  }
}
