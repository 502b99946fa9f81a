import { forwardRef, useId, useMemo, useState } from 'react';
import { useReactFlow } from '@xyflow/react';
import { NODE_SIZE } from '../../domain/layoutTypes';
import type { GoalId, StakeholderId } from '../../domain/ids';
import type { MapDocument } from '../../domain/model';
import { sessionStore } from '../../store/sessionStore';

type Match =
  | { readonly kind: 'goal'; readonly id: GoalId; readonly label: string }
  | { readonly kind: 'stakeholder'; readonly id: StakeholderId; readonly label: string };

const MAX_MATCHES = 8;

function findMatches(doc: MapDocument, query: string): Match[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [];
  const goals = doc.goals
    .filter((g) => g.title.toLowerCase().includes(q))
    .map((g): Match => ({ id: g.id, label: g.title, kind: 'goal' }));
  const people = doc.stakeholders
    .filter((s) => `${s.name} ${s.role} ${s.team}`.toLowerCase().includes(q))
    .map((s): Match => ({ id: s.id, label: s.name, kind: 'stakeholder' }));
  return [...goals, ...people].slice(0, MAX_MATCHES);
}

/** Finds goals by title and people by name, role or team; Enter centres on the first match. */
export const SearchBox = forwardRef<HTMLInputElement, { doc: MapDocument }>(function SearchBox(
  { doc },
  ref,
) {
  const listId = useId();
  const [query, setQuery] = useState('');
  const matches = useMemo(() => findMatches(doc, query), [doc, query]);
  const { getNode, setCenter, getZoom } = useReactFlow();
  const goTo = (match: Match) => {
    const node = getNode(match.id);
    if (node) {
      const size = match.kind === 'goal' ? NODE_SIZE.kpi : NODE_SIZE.stakeholder;
      const zoom = Math.max(getZoom(), 0.9);
      void setCenter(node.position.x + size.width / 2, node.position.y + size.height / 2, {
        zoom,
        duration: 400,
      });
    }
    sessionStore
      .getState()
      .select(match.kind === 'goal' ? { goals: [match.id] } : { stakeholders: [match.id] });
    setQuery('');
  };
  return (
    <div className="cg-search">
      <input
        ref={ref}
        type="search"
        aria-label="Search map"
        placeholder="Search map  ( / )"
        value={query}
        aria-controls={listId}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          const first = matches[0];
          if (e.key === 'Enter' && first) goTo(first);
          if (e.key === 'Escape') {
            setQuery('');
            e.currentTarget.blur();
          }
        }}
      />
      {matches.length > 0 && (
        <ul id={listId} className="cg-search__results" aria-label="Search results">
          {matches.map((m) => (
            <li key={m.id}>
              <button type="button" onClick={() => goTo(m)}>
                <span className="cg-search__kind">{m.kind === 'goal' ? 'Goal' : 'Person'}</span>{' '}
                {m.label}
              </button>
            </li>
          ))}
        </ul>
      )}
      {query.trim() !== '' && matches.length === 0 && (
        <div className="cg-search__results cg-hint" role="status">
          Nothing matches “{query}”.
        </div>
      )}
    </div>
  );
});
