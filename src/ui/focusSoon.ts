/** Frames to wait for a field to appear (about three seconds: its code may still be loading). */
const FRAMES = 180;

/**
 * Moves focus to the field the user needs next once it is on screen, scrolled into view: after
 * an action whose result shows up a moment later (a panel that loads on demand, a record the
 * inspector is about to show). Text already in the field is selected, so typing replaces it.
 */
export function focusWhenShown(selector: string): void {
  const attempt = (framesLeft: number) => {
    const field = document.querySelector<HTMLElement>(selector);
    if (field) {
      field.scrollIntoView({ block: 'center' });
      field.focus();
      if (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) {
        field.select();
      }
    } else if (framesLeft > 0) {
      requestAnimationFrame(() => attempt(framesLeft - 1));
    }
  };
  requestAnimationFrame(() => attempt(FRAMES));
}
