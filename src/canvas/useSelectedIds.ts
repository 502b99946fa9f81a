import { useMemo } from 'react';
import { selectSelection, useSessionStore } from '../store/sessionStore';

/** The ids of everything selected on the canvas, rebuilt only when the selection changes. */
export function useSelectedIds(): ReadonlySet<string> {
  const selection = useSessionStore(selectSelection);
  return useMemo(() => new Set<string>(selection.map((r) => r.id)), [selection]);
}
