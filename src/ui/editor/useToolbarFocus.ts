import { useRef, useState, type KeyboardEvent } from 'react';

/** Keys that move focus along a toolbar's row, and where each one goes. */
const MOVES: Readonly<Record<string, (at: number, count: number) => number>> = {
  ArrowRight: (at, count) => (at + 1) % count,
  ArrowDown: (at, count) => (at + 1) % count,
  ArrowLeft: (at, count) => (at - 1 + count) % count,
  ArrowUp: (at, count) => (at - 1 + count) % count,
  Home: () => 0,
  End: (_at, count) => count - 1,
};

/** What a tool of the toolbar takes from useToolbarFocus. */
export interface ToolFocus {
  readonly tabIndex: 0 | -1;
  readonly onFocus: () => void;
  readonly ref: (element: HTMLButtonElement | null) => void;
}

/**
 * A toolbar's buttons as one Tab stop (a roving tabindex, as ARIA's toolbar pattern has it): Tab
 * reaches the tool used last, or the first one; arrow keys, Home and End move between the enabled
 * tools. `enabled` lists them in order; a tool that is disabled now is skipped, and if the last
 * one used was disabled, the first enabled tool takes its place in the Tab order.
 */
export function useToolbarFocus<Id extends string>(enabled: readonly Id[]) {
  const [last, setLast] = useState<Id | null>(null);
  const elements = useRef(new Map<Id, HTMLButtonElement>());
  const current = last !== null && enabled.includes(last) ? last : enabled[0];
  const tool = (id: Id): ToolFocus => ({
    tabIndex: id === current ? 0 : -1,
    onFocus: () => setLast(id),
    ref: (element) => {
      if (element) elements.current.set(id, element);
      else elements.current.delete(id);
    },
  });
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    const move = MOVES[e.key];
    const at = enabled.findIndex((id) => elements.current.get(id) === e.target);
    if (!move || at < 0) return;
    e.preventDefault();
    const next = enabled[move(at, enabled.length)];
    if (next !== undefined) elements.current.get(next)?.focus();
  };
  return { tool, onKeyDown };
}
