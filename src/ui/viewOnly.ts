import { createContext, useContext, type KeyboardEvent, type MouseEvent } from 'react';

/**
 * A map opened with a view link: the inspector's fields and edit controls are read-only, not
 * merely refused. The context holds the id of the sentence that says why (null: editable), which
 * every locked control is described by. Locked controls stay focusable and are read out with
 * their values: text is `readOnly`, the rest `aria-disabled` and inert.
 */
export const ViewOnlyNote = createContext<string | null>(null);

export const useViewOnlyNote = (): string | null => useContext(ViewOnlyNote);

/** Keys that still work on a locked control: moving on, and the browser's own shortcuts. */
const passes = (e: KeyboardEvent) => e.key === 'Tab' || e.ctrlKey || e.metaKey;

/**
 * What makes a select, a colour or a button inert but focusable in a view-only map: no list or
 * picker opens and no key changes it. Nothing at all when the map is editable.
 */
export function lockedProps(note: string | null) {
  if (note === null) return {};
  return {
    'aria-disabled': true,
    'aria-describedby': note,
    onMouseDown: (e: MouseEvent) => e.preventDefault(),
    onClick: (e: MouseEvent) => e.preventDefault(),
    onKeyDown: (e: KeyboardEvent) => {
      if (!passes(e)) e.preventDefault();
    },
  } as const;
}
