import { useApp } from '../../store/appContext';
import { setReportsTo, updateGoal } from '../../domain/commands';
import type { StakeholderId } from '../../domain/ids';
import type { Goal, MapDocument, Stakeholder } from '../../domain/model';
import { applyEdit } from '../../store/applyEdit';
import { SelectField } from '../fields';

const NOBODY = '';

type Choice = StakeholderId | typeof NOBODY;

function peopleOptions(
  doc: MapDocument,
  except: StakeholderId | null,
  none: string,
): { value: Choice; label: string }[] {
  return [
    { value: NOBODY, label: none },
    ...doc.stakeholders
      .filter((s) => s.id !== except)
      .map((s) => ({ value: s.id, label: s.role === '' ? s.name : `${s.name} (${s.role})` })),
  ];
}

/** The stakeholder accountable for the goal. */
export function OwnerField({ goal, doc }: { goal: Goal; doc: MapDocument }) {
  const app = useApp();
  return (
    <SelectField
      label="Owner"
      value={goal.owner ?? NOBODY}
      options={peopleOptions(doc, null, 'No owner')}
      onChange={(v) =>
        applyEdit(app, (d) => updateGoal(d, goal.id, { owner: v === NOBODY ? null : v }))
      }
    />
  );
}

/** Whom the person reports to; a loop is refused with a notice naming the people on it. */
export function ReportsToField({
  stakeholder,
  doc,
}: {
  stakeholder: Stakeholder;
  doc: MapDocument;
}) {
  const app = useApp();
  const manager = doc.reportingLines.find((r) => r.from === stakeholder.id)?.to ?? NOBODY;
  return (
    <SelectField
      label="Reports to"
      value={manager}
      options={peopleOptions(doc, stakeholder.id, 'Nobody on the map')}
      onChange={(v) =>
        applyEdit(app, (d) => setReportsTo(d, stakeholder.id, v === NOBODY ? null : v))
      }
    />
  );
}
