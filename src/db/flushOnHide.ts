import type { Autosaver } from './autosave';

interface ListenerTarget {
  addEventListener(type: string, listener: () => void): void;
  removeEventListener(type: string, listener: () => void): void;
}

/**
 * Where the page announces it may go away: `visibilitychange` fires on the document (the last
 * event mobile browsers reliably deliver before killing a tab), `pagehide` on the window.
 */
export interface HideSignals {
  readonly page: ListenerTarget;
  readonly visibility: ListenerTarget & { readonly visibilityState: string };
}

/** Calls back when the tab is hidden or the page goes away. Returns the unbind function. */
export function bindOnLeave(
  onLeave: () => void,
  signals: HideSignals = { page: window, visibility: document },
): () => void {
  const onVisibilityChange = (): void => {
    if (signals.visibility.visibilityState === 'hidden') onLeave();
  };
  signals.visibility.addEventListener('visibilitychange', onVisibilityChange);
  signals.page.addEventListener('pagehide', onLeave);
  return () => {
    signals.visibility.removeEventListener('visibilitychange', onVisibilityChange);
    signals.page.removeEventListener('pagehide', onLeave);
  };
}

/** Flushes pending autosaves when the tab is hidden or closed. Returns the unbind function. */
export function bindFlushOnHide(
  autosaver: Pick<Autosaver<unknown>, 'flush'>,
  signals?: HideSignals,
): () => void {
  return bindOnLeave(() => {
    // A failed write is already reported by the autosaver's onStatus and kept for a retry.
    autosaver.flush().catch(() => undefined);
  }, signals);
}

/**
 * Calls back when the page becomes visible again: a tab that slept in the background (and may
 * have missed what other tabs wrote) looks again. Returns the unbind function.
 */
export function bindOnShow(
  onShow: () => void,
  visibility: HideSignals['visibility'] = document,
): () => void {
  const onVisibilityChange = (): void => {
    if (visibility.visibilityState === 'visible') onShow();
  };
  visibility.addEventListener('visibilitychange', onVisibilityChange);
  return () => {
    visibility.removeEventListener('visibilitychange', onVisibilityChange);
  };
}
