import { useApp } from '../../store/appContext';
import { forwardRef, useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useReactFlow } from '@xyflow/react';
import { NODE_SIZE } from '../../domain/layoutTypes';
import type { MapDocument } from '../../domain/model';
import { nodeId } from '../../domain/nodeIds';
import { findMatches, type SearchMatch } from './searchRank';

/** Where ↑/↓ lead in a list of `count` results, wrapping at both ends. */
function step(active: number, key: string, count: number): number | null {
  if (key === 'ArrowDown') return (active + 1) % count;
  if (key === 'ArrowUp') return (active - 1 + count) % count;
  return null;
}

/**
 * Finds goals by title and people by name, role or team, best matches first. ↑/↓ move the
 * highlight through the results (announced through aria-activedescendant while focus stays in
 * the box), Enter centres on the highlighted one and selects it. It renders inside the toolbar's
 * `.cg-search` slot, which holds its place while its code loads.
 */
export const SearchBox = forwardRef<HTMLInputElement, { doc: MapDocument }>(function SearchBox(
  { doc },
  ref,
) {
  const app = useApp();
  const listId = useId();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const matches = useMemo(() => findMatches(doc, query), [doc, query]);
  const highlighted = matches[Math.min(active, matches.length - 1)];
  const { getNode, setCenter, getZoom } = useReactFlow();
  const goTo = (match: SearchMatch) => {
    const node = getNode(nodeId(match.kind, match.id));
    if (node) {
      const size = match.kind === 'goal' ? NODE_SIZE.kpi : NODE_SIZE.stakeholder;
      const zoom = Math.max(getZoom(), 0.9);
      void setCenter(node.position.x + size.width / 2, node.position.y + size.height / 2, {
        zoom,
        duration: 400,
      });
    }
    app.sessionStore
      .getState()
      .select([
        match.kind === 'goal'
          ? { kind: 'goal', id: match.id }
          : { kind: 'stakeholder', id: match.id },
      ]);
    setQuery('');
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const next = matches.length > 0 ? step(active, e.key, matches.length) : null;
    if (next !== null) {
      e.preventDefault();
      setActive(next);
    } else if (e.key === 'Enter' && highlighted) {
      goTo(highlighted);
    } else if (e.key === 'Escape') {
      setQuery('');
      e.currentTarget.blur();
    }
  };
  const optionId = (i: number) => `${listId}-${i}`;
  return (
    <>
      <input
        ref={ref}
        type="search"
        aria-label="Search map"
        placeholder="Search (/)"
        value={query}
        aria-controls={matches.length > 0 ? listId : undefined}
        aria-activedescendant={highlighted ? optionId(matches.indexOf(highlighted)) : undefined}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      {matches.length > 0 && (
        <ul id={listId} role="listbox" className="cg-search__results" aria-label="Search results">
          {matches.map((m, i) => (
            // The box keeps focus and ↑/↓ move the highlight; a click picks an option directly.
            <li
              key={m.id}
              id={optionId(i)}
              role="option"
              aria-selected={m === highlighted}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => goTo(m)}
            >
              <span className="cg-search__kind">{m.kind === 'goal' ? 'Goal' : 'Person'}</span>{' '}
              {m.label}
            </li>
          ))}
        </ul>
      )}
      {query.trim() !== '' && matches.length === 0 && (
        <div className="cg-search__results cg-hint" role="status">
          Nothing matches “{query}”.
        </div>
      )}
    </>
  );
});
