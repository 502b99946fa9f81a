import { useEffect } from 'react';
import { selectNotice, sessionStore, useSessionStore } from '../store/sessionStore';

const INFO_VISIBLE_MS = 4000;

/** Refused edits and storage problems, said where the user is looking. Errors stay until dismissed. */
export function NoticeBar() {
  const notice = useSessionStore(selectNotice);
  useEffect(() => {
    if (notice?.kind !== 'info') return;
    const timer = setTimeout(() => sessionStore.getState().dismissNotice(), INFO_VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [notice]);
  if (!notice) return null;
  return (
    <div
      className={`cg-notice cg-notice--${notice.kind}`}
      role={notice.kind === 'error' ? 'alert' : 'status'}
    >
      {notice.text}{' '}
      <button
        type="button"
        className="cg-button"
        onClick={() => sessionStore.getState().dismissNotice()}
      >
        Dismiss
      </button>
    </div>
  );
}
