import { useApp } from '../../store/appContext';
import { useState } from 'react';
import { addIncentive, linkGoals, type CommandResult } from '../../domain/commands';
import type { CommonGroundMissingIncentives, CommonGroundNone } from '../../domain/engine';
import type { GoalId, StakeholderId } from '../../domain/ids';
import { INCENTIVE_KINDS, type IncentiveKind, type MapDocument } from '../../domain/model';
import { ok } from '../../domain/result';
import { applyEdit } from '../../store/applyEdit';
import type { Names } from '../explain';
import { SelectField } from '../fields';

/** Links every separate top goal under the mission, as one undoable edit. */
function linkTopsToMission(tops: readonly GoalId[], mission: GoalId) {
  return (doc: MapDocument): CommandResult =>
    tops.reduce<CommandResult>((r, top) => (r.ok ? linkGoals(r.value, top, mission) : r), ok(doc));
}

export function NoCommonGoalFix({
  result,
  doc,
  names,
}: {
  result: CommonGroundNone;
  doc: MapDocument;
  names: Names;
}) {
  const app = useApp();
  const mission = doc.goals.find((g) => g.kind === 'mission');
  const tops = [...new Set(result.topGoals.flatMap((t) => t.topGoals))].filter(
    (g) => g !== mission?.id,
  );
  return (
    <div className="cg-fix">
      <ul>
        {result.topGoals.map((t) => (
          <li key={t.stakeholderId}>
            {names.party(t.stakeholderId)} reaches up to{' '}
            {t.topGoals.map((g) => `"${names.goal(g)}"`).join(', ')}.
          </li>
        ))}
      </ul>
      {mission ? (
        <button
          type="button"
          className="cg-button cg-button--primary"
          onClick={() => applyEdit(app, linkTopsToMission(tops, mission.id))}
        >
          Link the separate top goals to "{mission.title}"
        </button>
      ) : (
        <p>This map has no mission yet: add one and link each tree under it.</p>
      )}
    </div>
  );
}

const KIND_OPTIONS = INCENTIVE_KINDS.map((k) => ({ value: k, label: k }));

function AddIncentiveForm({
  party,
  doc,
  names,
}: {
  party: StakeholderId;
  doc: MapDocument;
  names: Names;
}) {
  const app = useApp();
  const first = doc.goals[0];
  const [goalId, setGoalId] = useState<GoalId | undefined>(first?.id);
  const [kind, setKind] = useState<IncentiveKind>('measured');
  if (!first || goalId === undefined) return <p>Add a goal to the map first.</p>;
  const goalOptions = doc.goals.map((g) => ({ value: g.id, label: g.title }));
  return (
    <form
      className="cg-fix"
      aria-label={`Add an incentive for ${names.party(party)}`}
      onSubmit={(e) => {
        e.preventDefault();
        applyEdit(app, (d) => addIncentive(d, { stakeholderId: party, goalId, kind }));
      }}
    >
      <SelectField
        label={`Goal ${names.party(party)} cares about`}
        value={goalId}
        options={goalOptions}
        onChange={setGoalId}
      />
      <SelectField label="Incentive kind" value={kind} options={KIND_OPTIONS} onChange={setKind} />
      <button type="submit" className="cg-button cg-button--primary">
        Add incentive for {names.party(party)}
      </button>
    </form>
  );
}

export function MissingIncentivesFix({
  result,
  doc,
  names,
}: {
  result: CommonGroundMissingIncentives;
  doc: MapDocument;
  names: Names;
}) {
  return (
    <>
      {result.partiesWithoutIncentives.map((p) => (
        <AddIncentiveForm key={p} party={p} doc={doc} names={names} />
      ))}
    </>
  );
}
