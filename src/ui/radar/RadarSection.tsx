import { useId, useMemo } from 'react';
import { addConflict } from '../../domain/commands';
import { goalIndexOf, findConflictRadar, type RadarPair } from '../../domain/engine';
import { asConflictId, newId } from '../../domain/ids';
import type { MapDocument } from '../../domain/model';
import { describeRadarReason } from '../../domain/radarReason';
import type { App } from '../../store/app';
import { useApp } from '../../store/appContext';
import { applyEdit } from '../../store/applyEdit';
import { namesOf } from '../explain';

/** Enough to prepare for; the rest of the ranking is in `npm run analyze`. */
const SHOWN = 10;

/**
 * Conflict radar: pairs likely to clash because their incentives sit on the two sides of a
 * trade-off, before anyone has named the conflict. One click records a pair as a conflict, with
 * the reason as its first note, and opens it; a pair already recorded opens its conflict instead.
 */
export function RadarSection({ doc }: { doc: MapDocument }) {
  const app = useApp();
  const headingId = useId();
  const radar = useMemo(() => findConflictRadar(doc, goalIndexOf(doc)), [doc]);
  const pairs = radar.slice(0, SHOWN);
  const names = namesOf(doc);
  return (
    <section aria-labelledby={headingId} className="cg-radar">
      <h2 id={headingId}>Conflict radar</h2>
      {pairs.length === 0 ? (
        <p className="cg-hint">
          {doc.tradeOffs.length === 0
            ? 'No trade-offs yet. Add one from a goal’s details (“Trades off against”) to see who is likely to clash.'
            : 'Nobody’s incentives sit on both sides of a trade-off on this map.'}
        </p>
      ) : (
        <ul className="cg-conflict-list">
          {pairs.map((pair) => {
            const label = pair.parties.map((p) => names.party(p)).join(' and ');
            const recorded = doc.conflicts.find((c) =>
              pair.parties.every((p) => c.parties.includes(p)),
            );
            return (
              <li key={pair.parties.join(' ')} className="cg-conflict" aria-label={label}>
                <p className="cg-conflict__title">{label}</p>
                <p>{describeRadarReason(doc, pair)}</p>
                <p className="cg-hint">
                  {pair.nearestGoalId === null
                    ? 'They share no goal yet.'
                    : `Nearest common goal: ${names.goal(pair.nearestGoalId)}`}
                </p>
                {recorded ? (
                  <button
                    type="button"
                    className="cg-button"
                    aria-label={`Recorded as “${recorded.title}”: open it (${label})`}
                    onClick={() => app.sessionStore.getState().openConflict(recorded)}
                  >
                    Recorded as “{recorded.title}”: open it
                  </button>
                ) : (
                  <button
                    type="button"
                    className="cg-button"
                    aria-label={`Make it a conflict: ${label}`}
                    onClick={() => makeConflict(app, doc, pair, label)}
                  >
                    Make it a conflict
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function makeConflict(app: App, doc: MapDocument, pair: RadarPair, label: string): void {
  const id = asConflictId(newId('c'));
  const tradeOff = doc.tradeOffs.find((t) => t.id === pair.tradeOffId);
  const title = (goalId: string | undefined) => doc.goals.find((g) => g.id === goalId)?.title;
  const topic = tradeOff ? `${title(tradeOff.a)} versus ${title(tradeOff.b)}` : label;
  const notes = describeRadarReason(doc, pair);
  const made = applyEdit(app, (d) =>
    addConflict(d, { id, title: topic, parties: pair.parties, notes }),
  );
  if (made) app.sessionStore.getState().openConflict({ id, parties: pair.parties });
}
