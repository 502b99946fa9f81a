import { useApp } from '../store/appContext';
import { useState } from 'react';
import { selectWaitingUpdate, useUpdateStore } from '../store/updateStore';

function reasonOf(error: unknown): string {
  return error instanceof Error && error.message ? error.message : String(error);
}

/**
 * The offer of a new version. It stays until answered (unlike notices, which fade), and reloads
 * only when asked to, after the open map's pending edits are saved. If they cannot be saved it
 * says so and stays on this version, so no edit is lost to an update.
 */
export function UpdateNotice() {
  const app = useApp();
  const update = useUpdateStore(selectWaitingUpdate);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  if (!update) return null;
  const reload = (): void => {
    setBusy(true);
    setProblem(null);
    update.apply().catch((error: unknown) => {
      setBusy(false);
      setProblem(
        `Your latest edits could not be saved, so nothing was reloaded: ${reasonOf(error)}`,
      );
    });
  };
  return (
    <div className="cg-notice cg-notice--update" role="status">
      A new version of Common Ground is ready.{' '}
      <button
        type="button"
        className="cg-button cg-button--primary"
        disabled={busy}
        onClick={reload}
      >
        Reload to update
      </button>
      <button
        type="button"
        className="cg-button"
        onClick={() => app.updateStore.getState().dismiss()}
      >
        Not now
      </button>
      {problem && <p className="cg-notice__problem">{problem}</p>}
    </div>
  );
}
