import { useApp } from '../../store/appContext';
import { useId, useState } from 'react';
import type { Conflict, MapDocument } from '../../domain/model';
import { namesOf, type Names } from '../explain';
import { deleteConflict } from './deleteConflict';
import { NewConflictForm } from './NewConflictForm';
import { RadarSection } from '../radar/RadarSection';
import { partiesLine } from './conflictText';
import './conflicts.css';

function ConflictItem({
  conflict,
  colors,
  names,
}: {
  conflict: Conflict;
  colors: ReadonlyMap<string, string>;
  names: Names;
}) {
  const app = useApp();
  const agreed = conflict.agreedGoalId;
  return (
    <li className="cg-conflict">
      <button
        type="button"
        className="cg-conflict__open"
        onClick={() => app.sessionStore.getState().openConflict(conflict)}
      >
        {/* Named by what it shows, led by what it does for those who do not see the list. */}
        <span className="cg-visually-hidden">Open conflict: </span>
        <span className="cg-conflict__title">{conflict.title}</span>
        <span className="cg-conflict__parties">
          <span className="cg-conflict__dots" aria-hidden="true">
            {conflict.parties.map((p) => (
              <span key={p} className="cg-swatch" style={{ background: colors.get(p) }} />
            ))}
          </span>
          <span>{partiesLine(conflict, names)}</span>
        </span>
        <span className="cg-conflict__meta">
          <span className={`cg-status cg-status--${conflict.status}`}>
            {conflict.status === 'open' ? 'Open' : 'Resolved'}
          </span>
          {agreed && <span>Agreed on {names.goal(agreed)}</span>}
        </span>
      </button>
      <button
        type="button"
        className="cg-button cg-conflict__delete"
        aria-label={`Delete conflict: ${conflict.title}`}
        onClick={() => deleteConflict(app, conflict)}
      >
        Delete
      </button>
    </li>
  );
}

/** Every conflict of the map, the way to record a new one, and the way into each one's answer. */
export function ConflictsPanel({ doc }: { doc: MapDocument }) {
  const headingId = useId();
  const [creating, setCreating] = useState(false);
  const names = namesOf(doc);
  const colors = new Map<string, string>(doc.stakeholders.map((s) => [s.id, s.color]));
  return (
    <section aria-labelledby={headingId} className="cg-conflicts-panel">
      <div className="cg-panel-head">
        <h2 id={headingId}>Conflicts</h2>
        <button
          type="button"
          className="cg-button cg-button--primary"
          aria-expanded={creating}
          onClick={() => setCreating(true)}
        >
          New conflict
        </button>
      </div>
      {creating && <NewConflictForm doc={doc} onDone={() => setCreating(false)} />}
      {doc.conflicts.length === 0 ? (
        <p className="cg-hint">
          No conflicts yet. Record who keeps clashing, then open it to see the goal they share.
        </p>
      ) : (
        <ul className="cg-conflict-list">
          {doc.conflicts.map((c) => (
            <ConflictItem key={c.id} conflict={c} colors={colors} names={names} />
          ))}
        </ul>
      )}
      <RadarSection doc={doc} />
    </section>
  );
}
