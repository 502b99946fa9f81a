import type { KeyBinding } from './keys';
import type { ActionState } from './actionState';

/**
 * One thing a person can do, described once (as Excalidraw registers its actions): the toolbar
 * draws its button from it, the keyboard handler runs it on its keys, the `?` dialog and the
 * command palette list it. `Context` is what running it needs from the screen it belongs to.
 */
export interface Action<Context> {
  readonly id: string;
  /** The button's words, and the palette's. */
  readonly label: string;
  /** Longer words for the `?` dialog, when the label alone does not say it. */
  readonly description?: string;
  /** What the button shows instead of the label (which stays its accessible name). */
  readonly short?: string;
  readonly keys?: readonly KeyBinding[];
  /** Its keys work inside a text field too (the palette, leaving workshop mode). */
  readonly whileTyping?: boolean;
  /** It opens a dialog (the button says so to screen readers). */
  readonly opensDialog?: boolean;
  readonly enabled?: (state: ActionState) => boolean;
  /** A toggle: whether it is on now. */
  readonly pressed?: (state: ActionState) => boolean;
  readonly run: (context: Context) => void;
}

export const isEnabled = <C>(action: Action<C>, state: ActionState): boolean =>
  action.enabled?.(state) ?? true;
