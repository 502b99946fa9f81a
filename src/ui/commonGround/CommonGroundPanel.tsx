import { Suspense } from 'react';
import type { CommonGround } from '../../domain/engine';
import type { MapDocument } from '../../domain/model';
import { useApp } from '../../store/appContext';
import { selectParties, useSessionStore } from '../../store/sessionStore';
import { lazyPart } from '../lazyPart';
import { ReadyConflicts } from './ReadyConflicts';

// The answer in words, with the words' code: fetched as soon as the browser is idle, since no
// answer shows before two parties are picked.
const CommonGroundAnswer = lazyPart(
  async () => (await import('./CommonGroundAnswer')).CommonGroundAnswer,
  { whenIdle: true },
);

function PartyPicker({ doc }: { doc: MapDocument }) {
  const app = useApp();
  const parties = useSessionStore(selectParties);
  if (doc.stakeholders.length === 0) {
    return <p>Add stakeholders to this map to compare what they are measured on.</p>;
  }
  return (
    <ul className="cg-parties">
      {doc.stakeholders.map((s) => (
        <li key={s.id}>
          <label>
            <input
              type="checkbox"
              checked={parties.includes(s.id)}
              onChange={() => app.sessionStore.getState().toggleParty(s.id)}
            />
            <span className="cg-swatch" style={{ background: s.color }} aria-hidden="true" />
            <span>
              {s.name} {s.role && <small>{s.role}</small>}
            </span>
          </label>
        </li>
      ))}
    </ul>
  );
}

/** Pick parties (or open a conflict), ask for common ground, read the answer in words. */
export function CommonGroundPanel({
  doc,
  result,
}: {
  doc: MapDocument;
  result: CommonGround | null;
}) {
  const app = useApp();
  const parties = useSessionStore(selectParties);
  const session = app.sessionStore.getState();
  return (
    <>
      {result === null && parties.length === 0 && <ReadyConflicts doc={doc} />}
      <section aria-labelledby="cg-find-heading">
        <h2 id="cg-find-heading">Find common ground</h2>
        <PartyPicker doc={doc} />
        <div className="cg-row" style={{ marginTop: 10 }}>
          <button
            type="button"
            className="cg-button cg-button--primary"
            disabled={parties.length < 2}
            onClick={() => session.setOpenPanel('common-ground')}
          >
            Find common ground
          </button>
          <button
            type="button"
            className="cg-button"
            disabled={parties.length === 0 && result === null}
            onClick={() => {
              session.setParties([]);
              session.setOpenPanel(null);
            }}
          >
            Clear
          </button>
        </div>
      </section>
      <Suspense fallback={null}>
        <CommonGroundAnswer doc={doc} result={result} />
      </Suspense>
    </>
  );
}
