import { updateGoal, updateStakeholder } from '../domain/commands';
import { GOAL_KINDS, type Goal, type GoalKind, type Stakeholder } from '../domain/model';
import { applyEdit } from './applyEdit';
import { CommitField, SelectField } from './fields';

const KIND_OPTIONS: readonly { value: GoalKind; label: string }[] = GOAL_KINDS.map((k) => ({
  value: k,
  label: k === 'kpi' ? 'KPI' : k.charAt(0).toUpperCase() + k.slice(1),
}));

function GoalInspector({ goal }: { goal: Goal }) {
  return (
    <section aria-label="Goal details">
      <h2>Goal</h2>
      <CommitField
        key={`${goal.id}-title`}
        label="Title"
        value={goal.title}
        onCommit={(title) => applyEdit((doc) => updateGoal(doc, goal.id, { title }))}
      />
      <SelectField
        label="Kind"
        value={goal.kind}
        options={KIND_OPTIONS}
        onChange={(kind) => applyEdit((doc) => updateGoal(doc, goal.id, { kind }))}
      />
      <CommitField
        key={`${goal.id}-description`}
        label="Description"
        value={goal.description}
        multiline
        onCommit={(description) => applyEdit((doc) => updateGoal(doc, goal.id, { description }))}
      />
    </section>
  );
}

function StakeholderInspector({ stakeholder }: { stakeholder: Stakeholder }) {
  const edit = (field: 'name' | 'role' | 'team') => (value: string) =>
    applyEdit((doc) => updateStakeholder(doc, stakeholder.id, { [field]: value }));
  return (
    <section aria-label="Stakeholder details">
      <h2>Stakeholder</h2>
      <CommitField
        key={`${stakeholder.id}-name`}
        label="Name"
        value={stakeholder.name}
        onCommit={edit('name')}
      />
      <CommitField
        key={`${stakeholder.id}-role`}
        label="Role"
        value={stakeholder.role}
        onCommit={edit('role')}
      />
      <CommitField
        key={`${stakeholder.id}-team`}
        label="Team"
        value={stakeholder.team}
        onCommit={edit('team')}
      />
    </section>
  );
}

/** Details of the one selected goal or stakeholder, editable in place. */
export function Inspector({ goal, stakeholder }: { goal?: Goal; stakeholder?: Stakeholder }) {
  if (goal) return <GoalInspector goal={goal} />;
  if (stakeholder) return <StakeholderInspector stakeholder={stakeholder} />;
  return null;
}
