import { Suspense } from 'react';
import type { CommonGoalAnswer, CommonGround } from '../../domain/engine';
import type { MapDocument } from '../../domain/model';
import {
  selectParties,
  selectShownAnswerGoalId,
  sessionStore,
  useSessionStore,
} from '../../store/sessionStore';
import {
  describeAlternative,
  describeClimb,
  headline,
  namesOf,
  summary,
  type Names,
} from '../explain';
import { lazyPart } from '../lazyPart';
import { ReadyConflicts } from './ReadyConflicts';
import { shownAnswer } from './useCommonGroundView';

// One-click fixes for the answers that need one; fetched when the browser is idle.
const NoCommonGoalFix = lazyPart(
  async () => (await import('./CommonGroundFixes')).NoCommonGoalFix,
  {
    whenIdle: true,
  },
);
const MissingIncentivesFix = lazyPart(
  async () => (await import('./CommonGroundFixes')).MissingIncentivesFix,
  { whenIdle: true },
);

function PartyPicker({ doc }: { doc: MapDocument }) {
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
              onChange={() => sessionStore.getState().toggleParty(s.id)}
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

/** Every lowest common goal as a choice; the chosen one is drawn on the canvas. */
function AnswerChoices({
  answers,
  shown,
  names,
}: {
  answers: readonly CommonGoalAnswer[];
  shown: CommonGoalAnswer;
  names: Names;
}) {
  return (
    <div className="cg-answer__alt">
      <p>Other lowest goals they all serve — pick one to see its paths:</p>
      <ul>
        {answers.map((a, i) => (
          <li key={a.goalId}>
            <button
              type="button"
              className="cg-link-button"
              aria-pressed={a.goalId === shown.goalId}
              onClick={() => sessionStore.getState().showAnswer(i === 0 ? null : a.goalId)}
            >
              {i === 0 ? 'Nearest: ' : ''}
              {describeAlternative(a, names)}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Answer({ result, doc }: { result: CommonGround; doc: MapDocument }) {
  const names = namesOf(doc);
  const why = summary(result, names);
  const shownGoalId = useSessionStore(selectShownAnswerGoalId);
  const shown = shownAnswer(result, shownGoalId);
  const answers =
    result.status === 'found' || result.status === 'already-shared' ? result.answers : [];
  const isAlternative = shown !== undefined && shown !== answers[0];
  return (
    <section className="cg-answer" role="region" aria-label="Common ground">
      <p className="cg-answer__headline">{headline(result, names)}</p>
      {why && <p>{why}</p>}
      {shown && isAlternative && <p>Showing the alternative “{names.goal(shown.goalId)}”:</p>}
      {shown && (
        <ol>
          {shown.climbs.map((c) => (
            <li key={c.stakeholderId}>{describeClimb(c, names)}</li>
          ))}
        </ol>
      )}
      {shown && answers.length > 1 && (
        <AnswerChoices answers={answers} shown={shown} names={names} />
      )}
      <Suspense fallback={null}>
        {result.status === 'no-common-goal' && (
          <NoCommonGoalFix result={result} doc={doc} names={names} />
        )}
        {result.status === 'party-without-incentives' && (
          <MissingIncentivesFix result={result} doc={doc} names={names} />
        )}
      </Suspense>
    </section>
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
  const parties = useSessionStore(selectParties);
  const session = sessionStore.getState();
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
      {result && <Answer result={result} doc={doc} />}
      {/* Always in the page, so screen readers hear each new answer (a live region that
          appears together with its text is often not read out). */}
      <p className="cg-visually-hidden" aria-live="polite" aria-atomic="true">
        {result ? headline(result, namesOf(doc)) : ''}
      </p>
    </>
  );
}
