import { useApp } from '../../store/appContext';
import { removeIncentive, updateIncentive } from '../../domain/commands';
import { type Incentive, type MapDocument } from '../../domain/model';
import { applyEdit } from '../../store/applyEdit';
import { CommitField, EditButton, NumberField, SelectField } from '../fields';
import { INCENTIVE_KIND_OPTIONS } from './incentiveKinds';

/** One tie from a person to a goal: how it binds them, how much, and what they say about it. */
export function IncentiveInspector({ incentive, doc }: { incentive: Incentive; doc: MapDocument }) {
  const app = useApp();
  const person = doc.stakeholders.find((s) => s.id === incentive.stakeholderId);
  const goal = doc.goals.find((g) => g.id === incentive.goalId);
  return (
    <section aria-label="Incentive details" className="cg-inspector">
      <h2>Incentive</h2>
      <p className="cg-hint">
        {person?.name} → “{goal?.title}”
      </p>
      <SelectField
        label="Kind"
        value={incentive.kind}
        options={INCENTIVE_KIND_OPTIONS}
        onChange={(kind) => applyEdit(app, (d) => updateIncentive(d, incentive.id, { kind }))}
      />
      <NumberField
        key={`${incentive.id}-weight`}
        label="Weight"
        value={incentive.weight}
        onCommit={(weight) => {
          if (weight === undefined) {
            app.sessionStore.getState().showNotice({
              kind: 'error',
              text: 'Weight must be a number from 0 to 1, or blank.',
            });
            return;
          }
          applyEdit(app, (d) => updateIncentive(d, incentive.id, { weight }));
        }}
      />
      <CommitField
        key={`${incentive.id}-note`}
        label="Note"
        value={incentive.note}
        multiline
        onCommit={(note) => applyEdit(app, (d) => updateIncentive(d, incentive.id, { note }))}
      />
      <EditButton danger onClick={() => applyEdit(app, (d) => removeIncentive(d, incentive.id))}>
        Delete incentive
      </EditButton>
    </section>
  );
}
