import { useId } from 'react';
import type { MapDocument } from '../../domain/model';
import { useApp } from '../../store/appContext';
import { partiesLine } from '../conflicts/conflictText';
import { namesOf } from '../explain';

/**
 * A pointer, on the first screen, to the conflicts a map already holds (the example has five):
 * one press opens a conflict with its parties picked and its common ground drawn. Shown only
 * while nothing is being compared, so it gives way as soon as the user starts.
 */
export function ReadyConflicts({ doc }: { doc: MapDocument }) {
  const app = useApp();
  const headingId = useId();
  const { conflicts } = doc;
  if (conflicts.length === 0) return null;
  const names = namesOf(doc);
  const count = conflicts.length === 1 ? 'one conflict' : `${conflicts.length} conflicts`;
  return (
    <section className="cg-ready" aria-labelledby={headingId}>
      <h2 id={headingId}>Conflicts ready to explore</h2>
      <p>This map has {count} ready: open one to see where the parties’ goals meet.</p>
      <ul>
        {conflicts.map((c) => (
          <li key={c.id}>
            <button
              type="button"
              className="cg-link-button"
              onClick={() => app.sessionStore.getState().openConflict(c)}
            >
              <span className="cg-visually-hidden">Open conflict: </span>
              {c.title}
              <small>
                {partiesLine(c, names)}
                {c.status === 'resolved' && ' · resolved'}
              </small>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
