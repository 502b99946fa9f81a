import { useEffect } from 'react';
import { workshopStore } from '../../store/workshopStore';

const isTyping = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** Leaves full screen if the browser granted it; a refusal is fine, the mode works without it. */
export function leaveWorkshop(): void {
  workshopStore.getState().stop();
  if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
}

/**
 * The facilitator's keys: → or Space walks every party up one level, ← steps back, Escape leaves.
 * Keys typed into the capture fields stay there, except Escape: the field commits what was typed
 * (its own handler runs first) and the mode is left, as the on-screen hint says.
 */
export function useWorkshopKeys(lastStep: number): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (isTyping(e.target) && e.key !== 'Escape') return;
      const store = workshopStore.getState();
      if (e.key === 'ArrowRight' || e.key === ' ') store.next(lastStep);
      else if (e.key === 'ArrowLeft') store.previous();
      else if (e.key === 'Escape') leaveWorkshop();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [lastStep]);
}
