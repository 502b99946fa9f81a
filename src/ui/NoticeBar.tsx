import { useApp } from '../store/appContext';
import { useEffect } from 'react';
import { selectNotice, useSessionStore, type NoticeAction } from '../store/sessionStore';

const INFO_VISIBLE_MS = 4000;
/** A notice with an action (like "Undo delete") stays long enough to reach for the button. */
const ACTION_VISIBLE_MS = 10_000;

function NoticeActionButton({ action }: { action: NoticeAction }) {
  const app = useApp();
  return (
    <button
      type="button"
      className="cg-button cg-button--primary"
      onClick={() => {
        app.sessionStore.getState().dismissNotice();
        action.run();
      }}
    >
      {action.label}
    </button>
  );
}

/** Refused edits and storage problems, said where the user is looking. Errors stay until dismissed. */
export function NoticeBar() {
  const app = useApp();
  const notice = useSessionStore(selectNotice);
  useEffect(() => {
    if (notice?.kind !== 'info') return;
    const visibleMs = notice.action ? ACTION_VISIBLE_MS : INFO_VISIBLE_MS;
    const timer = setTimeout(() => app.sessionStore.getState().dismissNotice(), visibleMs);
    return () => clearTimeout(timer);
  }, [notice, app]);
  if (!notice) return null;
  return (
    <div
      className={`cg-notice cg-notice--${notice.kind}`}
      role={notice.kind === 'error' ? 'alert' : 'status'}
    >
      {notice.text} {notice.action && <NoticeActionButton action={notice.action} />}
      <button
        type="button"
        className="cg-button"
        onClick={() => app.sessionStore.getState().dismissNotice()}
      >
        Dismiss
      </button>
    </div>
  );
}
