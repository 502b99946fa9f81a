import { useId, useState, type ReactNode } from 'react';
import type { GoalId } from '../../domain/ids';
import type { Goal } from '../../domain/model';
import { useDraft } from '../../store/sessionStore';
import { lockedProps, useViewOnlyNote } from '../viewOnly';

const LIST_ROWS = 5;

/**
 * Picks one goal from a list narrowed by typing, then runs `onPick`: the keyboard's way to do
 * what a drag on the canvas does. `children` are further choices made together (an incentive's
 * kind, a trade-off's note). Enter in the search box picks the highlighted goal. The search is a
 * draft in the session store under `draftKey` (one per form and record), so it outlives a change of
 * selection; `onPick` returns false when the pick was refused, which keeps the search.
 */
export function GoalPicker({
  legend,
  goals,
  action,
  draftKey,
  onPick,
  children,
}: {
  legend: string;
  goals: readonly Goal[];
  action: string;
  draftKey: string;
  onPick: (goal: GoalId) => boolean;
  children?: ReactNode;
}) {
  const [findId, listId] = [useId(), useId()];
  const viewOnly = useViewOnlyNote();
  const [query, setQuery] = useDraft(`${draftKey}/search`);
  const [picked, setPicked] = useState<string | null>(null);
  const q = query.trim().toLowerCase();
  const shown = goals.filter((g) => g.title.toLowerCase().includes(q));
  const chosen = shown.find((g) => g.id === picked) ?? shown[0];
  const pick = () => {
    if (!chosen || !onPick(chosen.id)) return;
    setQuery('');
    setPicked(null);
  };
  return (
    <fieldset className="cg-fieldset cg-picker">
      <legend>{legend}</legend>
      <div className="cg-field">
        <label htmlFor={findId}>Find a goal</label>
        <input
          id={findId}
          type="search"
          readOnly={viewOnly !== null}
          aria-describedby={viewOnly ?? undefined}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              pick();
            } else if (e.key === 'Escape') {
              // Leaves the box (keeping the search), so the editor's shortcuts work again.
              e.preventDefault();
              e.currentTarget.blur();
            }
          }}
        />
      </div>
      <div className="cg-field">
        <label htmlFor={listId}>Goal</label>
        <select
          id={listId}
          size={Math.max(2, Math.min(LIST_ROWS, shown.length))}
          value={chosen?.id ?? ''}
          onChange={(e) => setPicked(e.target.value)}
          {...lockedProps(viewOnly)}
        >
          {shown.map((g) => (
            <option key={g.id} value={g.id}>
              {g.title}
            </option>
          ))}
        </select>
      </div>
      {shown.length === 0 && <p className="cg-hint">No goal matches “{query}”.</p>}
      {children}
      <button
        type="button"
        className="cg-button"
        disabled={!chosen}
        onClick={pick}
        {...lockedProps(viewOnly)}
      >
        {action}
      </button>
    </fieldset>
  );
}
