/** Frames to wait for a field to appear (about three seconds: its code may still be loading). */
const FRAMES = 180;

/**
 * Moves focus to the field the user needs next once it is on screen, scrolled into view: after
 * an action whose result shows up a moment later (a panel that loads on demand, a record the
 * inspector is about to show, a goal the camera is gliding to). Text already in the field is
 * selected, so typing replaces it. Here, not in ui/, because the canvas moves focus between goals
 * too; a node is never scrolled (React Flow's pane would shift under the camera).
 */
export function focusWhenShown(selector: string, { scroll = true } = {}): void {
  const attempt = (framesLeft: number) => {
    const field = document.querySelector<HTMLElement>(selector);
    if (field) {
      if (scroll) field.scrollIntoView({ block: 'center' });
      field.focus({ preventScroll: !scroll });
      if (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) {
        field.select();
      }
    } else if (framesLeft > 0) {
      requestAnimationFrame(() => attempt(framesLeft - 1));
    }
  };
  requestAnimationFrame(() => attempt(FRAMES));
}
