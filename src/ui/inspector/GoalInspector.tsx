import { linkGoals, removeGoal, updateGoal, type GoalPatch } from '../../domain/commands';
import { asLinkId } from '../../domain/ids';
import { DEFAULT_METRIC } from '../../domain/factories';
import {
  GOAL_KINDS,
  type Direction,
  type Goal,
  type GoalKind,
  type MapDocument,
  type Metric,
} from '../../domain/model';
import { GoalPicker } from './GoalPicker';
import { applyEdit } from '../../store/applyEdit';
import { CommitField, EditButton, NumberField, SelectField } from '../fields';
import { OwnerField } from './PeopleFields';
import { TradeOffsSection } from './TradeOffsSection';
import { useRequestedFocus } from './useRequestedFocus';
import { useApp } from '../../store/appContext';

const KIND_OPTIONS: readonly { value: GoalKind; label: string }[] = GOAL_KINDS.map((k) => ({
  value: k,
  label: k === 'kpi' ? 'KPI' : k.charAt(0).toUpperCase() + k.slice(1),
}));
const DIRECTION_OPTIONS: readonly { value: Direction; label: string }[] = [
  { value: 'up', label: 'Higher is better' },
  { value: 'down', label: 'Lower is better' },
];

function MetricFields({ goal, metric }: { goal: Goal; metric: Metric }) {
  const app = useApp();
  const edit = (patch: Partial<Metric>) =>
    applyEdit(app, (doc) => updateGoal(doc, goal.id, { metric: { ...metric, ...patch } }));
  const editNumber = (field: 'current' | 'target') => (value: number | null | undefined) => {
    if (value === undefined) {
      app.sessionStore.getState().showNotice({
        kind: 'error',
        text: `${field === 'current' ? 'Current' : 'Target'} must be a number, or blank when unknown.`,
      });
      return;
    }
    edit({ [field]: value });
  };
  return (
    <fieldset className="cg-fieldset">
      <legend>Metric</legend>
      <CommitField
        key={`${goal.id}-unit`}
        label="Unit"
        value={metric.unit}
        onCommit={(unit) => edit({ unit })}
      />
      <div className="cg-row">
        <NumberField
          key={`${goal.id}-current`}
          label="Current"
          value={metric.current}
          onCommit={editNumber('current')}
        />
        <NumberField
          key={`${goal.id}-target`}
          label="Target"
          value={metric.target}
          onCommit={editNumber('target')}
        />
      </div>
      <SelectField
        label="Direction"
        value={metric.direction}
        options={DIRECTION_OPTIONS}
        onChange={(direction) => edit({ direction })}
      />
    </fieldset>
  );
}

/**
 * What the goal contributes to: each link (opening its own inspector, where it can be unlinked)
 * and a picker to add a parent, the keyboard's way to drag a link.
 */
function ContributesTo({ goal, doc }: { goal: Goal; doc: MapDocument }) {
  const app = useApp();
  const ups = doc.links.filter((l) => l.from === goal.id);
  const title = (id: string) => doc.goals.find((g) => g.id === id)?.title ?? id;
  const candidates = doc.goals.filter((g) => g.id !== goal.id && !ups.some((l) => l.to === g.id));
  return (
    <section aria-label={`What “${goal.title}” contributes to`}>
      <h3 className="cg-subhead">Contributes to</h3>
      {ups.length === 0 ? (
        <p className="cg-hint">Nothing yet: it is a top goal.</p>
      ) : (
        <ul className="cg-incentives">
          {ups.map((l) => (
            <li key={l.id}>
              <button
                type="button"
                className="cg-link-button"
                onClick={() =>
                  app.sessionStore.getState().select([{ kind: 'link', id: asLinkId(l.id) }])
                }
              >
                Link to “{title(l.to)}”
              </button>
            </li>
          ))}
        </ul>
      )}
      <GoalPicker
        key={goal.id}
        legend="Contributes to…"
        goals={candidates}
        action="Add link"
        draftKey={`contributes-to/${goal.id}`}
        onPick={(parent) => applyEdit(app, (d) => linkGoals(d, goal.id, parent))}
      />
    </section>
  );
}

/** Every field of one goal, editable in place; each commit is one undo step. */
export function GoalInspector({ goal, doc }: { goal: Goal; doc: MapDocument }) {
  const app = useApp();
  const edit = (patch: GoalPatch) => applyEdit(app, (doc) => updateGoal(doc, goal.id, patch));
  const metric = goal.metric ?? (goal.kind === 'kpi' ? DEFAULT_METRIC : null);
  const titleField = useRequestedFocus(goal.id);
  return (
    <section aria-label="Goal details" className="cg-inspector">
      <h2>Goal</h2>
      <CommitField
        key={`${goal.id}-title`}
        label="Title"
        value={goal.title}
        onCommit={(title) => edit({ title })}
        inputRef={titleField}
      />
      <SelectField
        label="Kind"
        value={goal.kind}
        options={KIND_OPTIONS}
        onChange={(kind) => edit({ kind })}
      />
      <CommitField
        key={`${goal.id}-description`}
        label="Description"
        value={goal.description}
        multiline
        onCommit={(description) => edit({ description })}
      />
      {metric && <MetricFields goal={goal} metric={metric} />}
      <ContributesTo goal={goal} doc={doc} />
      <OwnerField goal={goal} doc={doc} />
      <TradeOffsSection goal={goal} doc={doc} />
      <EditButton danger onClick={() => applyEdit(app, (doc) => removeGoal(doc, goal.id))}>
        Delete goal
      </EditButton>
    </section>
  );
}
