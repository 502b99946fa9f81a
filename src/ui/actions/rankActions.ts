import { rankText } from '../editor/searchRank';
import type { Action } from './action';

/** A match in the longer words counts after every match in a label. */
const IN_DESCRIPTION = 10;

/**
 * The palette's list for what was typed: every action when nothing was, else those whose label
 * (or, after them, whose description) matches, ranked as the map's search ranks (exact, starts
 * with, a word that starts with it, anywhere), ties in table order.
 */
export function rankActions<C>(actions: readonly Action<C>[], query: string): Action<C>[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [...actions];
  const ranked: { action: Action<C>; rank: number; order: number }[] = [];
  actions.forEach((action, order) => {
    const inLabel = rankText(action.label, q);
    const inDescription = action.description === undefined ? null : rankText(action.description, q);
    const rank = inLabel ?? (inDescription === null ? null : inDescription + IN_DESCRIPTION);
    if (rank !== null) ranked.push({ action, rank, order });
  });
  ranked.sort((a, b) => a.rank - b.rank || a.order - b.order);
  return ranked.map((r) => r.action);
}
