import { useApp } from '../../store/appContext';
import { useId } from 'react';
import { updateConflict, type ConflictPatch } from '../../domain/commands';
import { describeEscalation } from '../../domain/escalation';
import { ownValue } from '../../domain/factories';
import type { GoalId } from '../../domain/ids';
import {
  CONFLICT_STATUSES,
  type Conflict,
  type ConflictStatus,
  type MapDocument,
} from '../../domain/model';
import { applyEdit } from '../../store/applyEdit';
import { namesOf, type Names } from '../explain';
import { CommitField, SelectField } from '../fields';
import { focusWhenShown } from '../../canvas/focusSoon';
import { FIRST_PERSPECTIVE } from './conflictText';
import { deleteConflict } from './deleteConflict';
import { PartyCheckboxes } from './PartyCheckboxes';
import { RoomPerspectives } from './PrivatePerspectives';
import { selectRoom, useRoomStore } from '../../store/roomStore';
import './conflicts.css';

const STATUS_OPTIONS = CONFLICT_STATUSES.map((s: ConflictStatus) => ({
  value: s,
  label: s === 'open' ? 'Open' : 'Resolved',
}));

const NOT_AGREED = '';

/** Runs one edit of the conflict; false when the domain refused it (a notice says why). */
type Edit = (patch: ConflictPatch) => boolean;

function AgreedGoal({
  conflict,
  doc,
  names,
  suggestion,
  edit,
}: {
  conflict: Conflict;
  doc: MapDocument;
  names: Names;
  suggestion: GoalId | null;
  edit: Edit;
}) {
  const options: { value: GoalId | typeof NOT_AGREED; label: string }[] = [
    { value: NOT_AGREED, label: 'Not agreed yet' },
    ...doc.goals.map((g) => ({ value: g.id, label: g.title })),
  ];
  return (
    <div className="cg-agreed">
      <SelectField
        label="Agreed goal"
        value={conflict.agreedGoalId ?? NOT_AGREED}
        options={options}
        onChange={(v) => edit({ agreedGoalId: v === NOT_AGREED ? null : v })}
      />
      {suggestion && suggestion !== conflict.agreedGoalId && (
        <p className="cg-suggestion">
          <span>
            Suggested: <strong>{names.goal(suggestion)}</strong>, their nearest common goal.
          </span>
          <button
            type="button"
            className="cg-button"
            onClick={() => {
              // The button goes once used: focus moves on to what is left to fill in.
              if (edit({ agreedGoalId: suggestion })) focusWhenShown(FIRST_PERSPECTIVE);
            }}
          >
            Use suggestion
          </button>
        </p>
      )}
    </div>
  );
}

/**
 * Each party's view in their own words: one text per party, as the file format keeps it. In a
 * room they can be written privately first (RoomPerspectives).
 */
function Perspectives({ conflict, names, edit }: { conflict: Conflict; names: Names; edit: Edit }) {
  const room = useRoomStore(selectRoom);
  const shared = (
    <>
      <p className="cg-hint">Each party in their own words: what I see, what I need.</p>
      {conflict.parties.map((p) => (
        <CommitField
          key={`${conflict.id}-perspective-${p}`}
          label={`Perspective of ${names.party(p)}`}
          value={ownValue(conflict.perspectives, p) ?? ''}
          multiline
          onCommit={(text) => edit({ perspectives: { [p]: text } })}
        />
      ))}
    </>
  );
  return (
    <fieldset className="cg-fieldset cg-perspectives">
      <legend>Perspectives</legend>
      {room === null ? (
        shared
      ) : (
        <RoomPerspectives conflict={conflict} names={names} room={room} shared={shared} />
      )}
    </fieldset>
  );
}

/** Title, status and parties; changing the parties moves the common-ground view with them. */
function Basics({ conflict, doc, edit }: { conflict: Conflict; doc: MapDocument; edit: Edit }) {
  const app = useApp();
  return (
    <>
      <CommitField
        key={`${conflict.id}-title`}
        label="Title"
        value={conflict.title}
        onCommit={(title) => edit({ title })}
      />
      <SelectField
        label="Status"
        value={conflict.status}
        options={STATUS_OPTIONS}
        onChange={(status) => edit({ status })}
      />
      <PartyCheckboxes
        doc={doc}
        legend="Parties"
        value={conflict.parties}
        onChange={(parties) => {
          if (edit({ parties })) app.sessionStore.getState().setParties(parties);
        }}
      />
    </>
  );
}

/** The open conflict, editable beside its common-ground answer. */
export function ConflictEditor({
  conflict,
  doc,
  suggestion,
}: {
  conflict: Conflict;
  doc: MapDocument;
  suggestion: GoalId | null;
}) {
  const app = useApp();
  const headingId = useId();
  const names = namesOf(doc);
  const edit: Edit = (patch) => applyEdit(app, (d) => updateConflict(d, conflict.id, patch));
  return (
    <section aria-labelledby={headingId} className="cg-conflict-editor">
      <div className="cg-panel-head">
        <h2 id={headingId}>Conflict</h2>
        <button
          type="button"
          className="cg-button"
          onClick={() => app.sessionStore.getState().setOpenPanel('conflicts')}
        >
          All conflicts
        </button>
      </div>
      <Basics conflict={conflict} doc={doc} edit={edit} />
      <p className="cg-escalation" aria-label="Escalation point">
        {describeEscalation(doc, conflict.parties, suggestion)}
      </p>
      <AgreedGoal conflict={conflict} doc={doc} names={names} suggestion={suggestion} edit={edit} />
      <Perspectives conflict={conflict} names={names} edit={edit} />
      <CommitField
        key={`${conflict.id}-notes`}
        label="Notes"
        value={conflict.notes}
        multiline
        onCommit={(notes) => edit({ notes })}
      />
      <button
        type="button"
        className="cg-button cg-button--danger"
        onClick={() => deleteConflict(app, conflict)}
      >
        Delete conflict
      </button>
    </section>
  );
}
