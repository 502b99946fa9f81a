import { useApp } from '../../store/appContext';
import type { App } from '../../store/app';
import { useId } from 'react';
import type { StakeholderId } from '../../domain/ids';
import type { Incentive, MapDocument } from '../../domain/model';
import { namesOf, type Names } from '../explain';
import { SelectField } from '../fields';
import type { ReachedGoal, StakeholderView } from './stakeholderView';
import './stakeholderView.css';

const session = (app: App) => app.sessionStore.getState();

const levelName = (climb: number): string =>
  climb === 0 ? 'Their own goals' : climb === 1 ? '1 level up' : `${climb} levels up`;

function findCommonGroundWith(app: App, a: StakeholderId, b: StakeholderId): void {
  session(app).setParties([a, b]);
  session(app).setOpenPanel('common-ground');
}

/** Who else reaches the goal, each a one-click way to their common ground with this person. */
function SharedWith({
  goal,
  view,
  names,
  colors,
}: {
  goal: ReachedGoal;
  view: StakeholderView;
  names: Names;
  colors: ReadonlyMap<string, string>;
}) {
  const app = useApp();
  if (goal.sharedWith.length === 0) {
    return <span className="cg-hint">Nobody else serves this goal.</span>;
  }
  const me = view.stakeholder;
  return (
    <span className="cg-reached__people">
      <span className="cg-hint">Shared with</span>
      {goal.sharedWith.map((p) => (
        <button
          key={p}
          type="button"
          className="cg-chip"
          aria-label={`Common ground with ${names.party(p)}`}
          title={`Common ground of ${me.name} and ${names.party(p)}`}
          onClick={() => findCommonGroundWith(app, me.id, p)}
        >
          <span className="cg-swatch" style={{ background: colors.get(p) }} aria-hidden="true" />
          {names.party(p)}
        </button>
      ))}
    </span>
  );
}

function Reached({
  goal,
  held,
  view,
  names,
  colors,
}: {
  goal: ReachedGoal;
  /** The person's incentives on this goal (only goals at climb 0 have any). */
  held: readonly Incentive[];
  view: StakeholderView;
  names: Names;
  colors: ReadonlyMap<string, string>;
}) {
  const app = useApp();
  return (
    <li className="cg-reached">
      <button
        type="button"
        className="cg-link-button cg-reached__goal"
        onClick={() => session(app).select([{ kind: 'goal', id: goal.goalId }])}
      >
        {names.goal(goal.goalId)}
      </button>
      {held.map((i) => (
        <span key={i.id} className="cg-reached__incentive">
          {i.kind}
          {i.weight === null ? '' : ` · ${Math.round(i.weight * 100)}%`}
          {i.note && ` · ${i.note}`}
        </span>
      ))}
      <SharedWith goal={goal} view={view} names={names} colors={colors} />
    </li>
  );
}

function Levels({ view, doc }: { view: StakeholderView; doc: MapDocument }) {
  const names = namesOf(doc);
  const colors = new Map<string, string>(doc.stakeholders.map((s) => [s.id, s.color]));
  const levels = [...new Set(view.reached.map((r) => r.climb))];
  const held = (goalId: string) => view.incentives.filter((i) => i.goalId === goalId);
  if (view.reached.length === 0) {
    return (
      <p className="cg-hint">
        {view.stakeholder.name} holds no incentives yet, so there is nothing above them to show.
      </p>
    );
  }
  return levels.map((climb) => (
    <section key={climb} aria-label={levelName(climb)} className="cg-level">
      <h3>{levelName(climb)}</h3>
      <ul>
        {view.reached
          .filter((r) => r.climb === climb)
          .map((r) => (
            <Reached
              key={r.goalId}
              goal={r}
              held={held(r.goalId)}
              view={view}
              names={names}
              colors={colors}
            />
          ))}
      </ul>
    </section>
  ));
}

/** "View as stakeholder": one person's incentives, everything above them and who shares it. */
export function StakeholderViewPanel({
  doc,
  view,
}: {
  doc: MapDocument;
  view: StakeholderView | null;
}) {
  const app = useApp();
  const headingId = useId();
  const options = doc.stakeholders.map((s) => ({ value: s.id, label: s.name }));
  return (
    <section aria-labelledby={headingId} className="cg-person-view">
      <div className="cg-panel-head">
        <h2 id={headingId}>View as stakeholder</h2>
        <button type="button" className="cg-button" onClick={() => session(app).setOpenPanel(null)}>
          Close
        </button>
      </div>
      {view ? (
        <>
          <SelectField
            label="Stakeholder"
            value={view.stakeholder.id}
            options={options}
            onChange={(id) => session(app).viewAsStakeholder(id)}
          />
          <p className="cg-person-view__who">
            <span
              className="cg-swatch"
              style={{ background: view.stakeholder.color }}
              aria-hidden="true"
            />
            <strong>{view.stakeholder.name}</strong>
            {view.stakeholder.role && <span className="cg-hint"> {view.stakeholder.role}</span>}
          </p>
          <Levels view={view} doc={doc} />
        </>
      ) : (
        <p className="cg-hint">This person is no longer in the map.</p>
      )}
    </section>
  );
}
