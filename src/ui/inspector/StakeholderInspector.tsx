import { useApp } from '../../store/appContext';
import { useId, useState } from 'react';
import {
  addIncentive,
  removeStakeholder,
  updateStakeholder,
  type StakeholderPatch,
} from '../../domain/commands';
import { type IncentiveKind, type MapDocument, type Stakeholder } from '../../domain/model';
import { applyEdit } from '../../store/applyEdit';
import { CommitField, EditButton, SelectField } from '../fields';
import { lockedProps, useViewOnlyNote } from '../viewOnly';
import { GoalPicker } from './GoalPicker';
import { INCENTIVE_KIND_OPTIONS } from './incentiveKinds';
import { ReportsToField } from './PeopleFields';
import { useRequestedFocus } from './useRequestedFocus';
import './inspector.css';

function ColourField({ stakeholder }: { stakeholder: Stakeholder }) {
  const app = useApp();
  const id = useId();
  const viewOnly = useViewOnlyNote();
  return (
    <div className="cg-field">
      <label htmlFor={id}>Colour</label>
      <input
        id={id}
        type="color"
        value={stakeholder.color}
        onChange={(e) => {
          const color = e.target.value;
          if (viewOnly === null)
            applyEdit(app, (doc) => updateStakeholder(doc, stakeholder.id, { color }));
        }}
        {...lockedProps(viewOnly)}
      />
    </div>
  );
}

/** The incentives a person holds, each opening its own inspector. */
function HeldIncentives({ stakeholder, doc }: { stakeholder: Stakeholder; doc: MapDocument }) {
  const app = useApp();
  const held = doc.incentives.filter((i) => i.stakeholderId === stakeholder.id);
  const title = (goalId: string) => doc.goals.find((g) => g.id === goalId)?.title ?? goalId;
  return (
    <section aria-label={`Incentives of ${stakeholder.name}`}>
      <h3 className="cg-subhead">Incentives</h3>
      {held.length === 0 ? (
        <p className="cg-hint">
          None yet. Add one below, or drag from {stakeholder.name}’s handle to a goal they are
          measured, rewarded or motivated by.
        </p>
      ) : (
        <ul className="cg-incentives">
          {held.map((i) => (
            <li key={i.id}>
              <button
                type="button"
                className="cg-link-button"
                onClick={() =>
                  app.sessionStore.getState().select([{ kind: 'incentive', id: i.id }])
                }
              >
                {i.kind} on “{title(i.goalId)}”
                {i.weight === null ? '' : ` · ${Math.round(i.weight * 100)}%`}
              </button>
            </li>
          ))}
        </ul>
      )}
      <AddIncentive key={stakeholder.id} stakeholder={stakeholder} doc={doc} />
    </section>
  );
}

/** The keyboard's way to drag from a person to a goal: pick the goal and how it binds them. */
function AddIncentive({ stakeholder, doc }: { stakeholder: Stakeholder; doc: MapDocument }) {
  const app = useApp();
  const [kind, setKind] = useState<IncentiveKind>('measured');
  const held = new Set(
    doc.incentives.filter((i) => i.stakeholderId === stakeholder.id).map((i) => i.goalId),
  );
  return (
    <GoalPicker
      legend="Add incentive…"
      goals={doc.goals.filter((g) => !held.has(g.id))}
      action="Add incentive"
      draftKey={`incentive/${stakeholder.id}`}
      onPick={(goalId) =>
        applyEdit(app, (d) => addIncentive(d, { stakeholderId: stakeholder.id, goalId, kind }))
      }
    >
      <SelectField label="Kind" value={kind} options={INCENTIVE_KIND_OPTIONS} onChange={setKind} />
    </GoalPicker>
  );
}

export function StakeholderInspector({
  stakeholder,
  doc,
}: {
  stakeholder: Stakeholder;
  doc: MapDocument;
}) {
  const app = useApp();
  const edit = (field: keyof StakeholderPatch) => (value: string) =>
    applyEdit(app, (d) => updateStakeholder(d, stakeholder.id, { [field]: value }));
  const key = (field: string) => `${stakeholder.id}-${field}`;
  const nameField = useRequestedFocus(stakeholder.id);
  return (
    <section aria-label="Stakeholder details" className="cg-inspector">
      <h2>Stakeholder</h2>
      <CommitField
        key={key('name')}
        label="Name"
        value={stakeholder.name}
        onCommit={edit('name')}
        inputRef={nameField}
      />
      <CommitField
        key={key('role')}
        label="Role"
        value={stakeholder.role}
        onCommit={edit('role')}
      />
      <CommitField
        key={key('team')}
        label="Team"
        value={stakeholder.team}
        onCommit={edit('team')}
      />
      <ColourField stakeholder={stakeholder} />
      <ReportsToField stakeholder={stakeholder} doc={doc} />
      <CommitField
        key={key('notes')}
        label="Notes"
        value={stakeholder.notes}
        multiline
        onCommit={edit('notes')}
      />
      <HeldIncentives stakeholder={stakeholder} doc={doc} />
      <EditButton
        danger
        onClick={() => applyEdit(app, (d) => removeStakeholder(d, stakeholder.id))}
      >
        Delete stakeholder
      </EditButton>
    </section>
  );
}
