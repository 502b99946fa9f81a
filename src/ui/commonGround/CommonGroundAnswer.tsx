import { Suspense } from 'react';
import type { CommonGoalAnswer, CommonGround } from '../../domain/engine';
import type { MapDocument } from '../../domain/model';
import { useApp } from '../../store/appContext';
import { selectShownAnswerGoalId, useSessionStore } from '../../store/sessionStore';
import {
  describeAlternative,
  describeClimb,
  headline,
  namesOf,
  summary,
  type Names,
} from '../explain';
import { lazyPart } from '../lazyPart';
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
  const app = useApp();
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
              onClick={() => app.sessionStore.getState().showAnswer(i === 0 ? null : a.goalId)}
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

/**
 * The common-ground answer in words, and a live region that reads each new answer out. The
 * region is always in the page once this part is: one that appears together with its text is
 * often not read out.
 */
export function CommonGroundAnswer({
  doc,
  result,
}: {
  doc: MapDocument;
  result: CommonGround | null;
}) {
  return (
    <>
      {result && <Answer result={result} doc={doc} />}
      <p className="cg-visually-hidden" aria-live="polite" aria-atomic="true">
        {result ? headline(result, namesOf(doc)) : ''}
      </p>
    </>
  );
}
