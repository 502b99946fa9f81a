/**
 * Keys as data: an action names the keys that run it, the keyboard handler matches them and the
 * `?` dialog and the command palette print them, so the three never disagree.
 */
export interface KeyBinding {
  /** `KeyboardEvent.key`, compared without case: 'z', 'Delete', '?', 'ArrowRight', ' '. */
  readonly key: string;
  /** Ctrl, or ⌘ on a Mac. Without it, neither may be held. */
  readonly mod?: boolean;
  /** Must Shift be held (true) or not (false)? Left out: either way ('?' needs it on some layouts). */
  readonly shift?: boolean;
}

export interface KeyPress {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
}

export function matchesKey(binding: KeyBinding, press: KeyPress): boolean {
  const mod = press.ctrlKey || press.metaKey;
  return (
    press.key.toLowerCase() === binding.key.toLowerCase() &&
    mod === (binding.mod ?? false) &&
    (binding.shift === undefined || binding.shift === press.shiftKey)
  );
}

const KEY_NAMES: Readonly<Record<string, string>> = {
  ' ': 'Space',
  ArrowUp: '↑',
  ArrowDown: '↓',
  ArrowLeft: '←',
  ArrowRight: '→',
  Escape: 'Esc',
};

/** "Ctrl/⌘ + Shift + Z": how a binding is printed. */
export function keyText(binding: KeyBinding): string {
  const key =
    KEY_NAMES[binding.key] ?? (binding.key.length === 1 ? binding.key.toUpperCase() : binding.key);
  return [binding.mod ? 'Ctrl/⌘' : '', binding.shift === true ? 'Shift' : '', key]
    .filter((part) => part !== '')
    .join(' + ');
}

/** "Ctrl/⌘ + Shift + Z or Ctrl/⌘ + Y": every binding of an action. */
export const describeKeys = (bindings: readonly KeyBinding[]): string =>
  bindings.map(keyText).join(' or ');

/** Keys typed into a field belong to that field. */
export const isTypingTarget = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
