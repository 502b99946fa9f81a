import { useMemo } from 'react';
import { canvasIdOf } from '../store/selection';
import { selectSelection, useSessionStore } from '../store/sessionStore';

/** The canvas ids of everything selected, rebuilt only when the selection changes. */
export function useSelectedIds(): ReadonlySet<string> {
  const selection = useSessionStore(selectSelection);
  return useMemo(() => new Set<string>(selection.map(canvasIdOf)), [selection]);
}
