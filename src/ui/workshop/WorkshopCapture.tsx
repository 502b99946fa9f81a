import { useRef } from 'react';
import { updateConflict } from '../../domain/commands';
import type { GoalId } from '../../domain/ids';
import type { Conflict, MapDocument } from '../../domain/model';
import { applyEdit } from '../../store/applyEdit';
import { CommitField, SelectField } from '../fields';

const NO_GOAL = '';

/**
 * What the room agrees, typed without leaving the mode: each party's perspective, the agreed goal
 * (the revealed nearest common goal is one click away) and notes. Every entry is an undoable edit.
 */
export function WorkshopCapture({
  conflict,
  doc,
  revealed,
}: {
  conflict: Conflict;
  doc: MapDocument;
  revealed: GoalId | null;
}) {
  const goalOptions = [
    { value: NO_GOAL, label: 'Not agreed yet' },
    ...doc.goals.map((g) => ({ value: g.id, label: g.title })),
  ];
  const setAgreed = (value: string) => {
    const goal = doc.goals.find((g) => g.id === value);
    applyEdit((d) => updateConflict(d, conflict.id, { agreedGoalId: goal ? goal.id : null }));
  };
  const notes = useRef<HTMLInputElement | HTMLTextAreaElement | null>(null);
  const nameOf = (id: string) => doc.stakeholders.find((s) => s.id === id)?.name ?? id;
  return (
    <section className="cg-workshop__capture" aria-label="Capture the agreement">
      <h2>What the room agrees</h2>
      {conflict.parties.map((party) => (
        <CommitField
          key={`${conflict.id}-${party}`}
          label={`${nameOf(party)}’s perspective`}
          value={
            Object.hasOwn(conflict.perspectives, party) ? (conflict.perspectives[party] ?? '') : ''
          }
          multiline
          onCommit={(text) =>
            applyEdit((d) =>
              updateConflict(d, conflict.id, {
                perspectives: { ...conflict.perspectives, [party]: text },
              }),
            )
          }
        />
      ))}
      <SelectField
        label="Agreed goal"
        value={conflict.agreedGoalId ?? NO_GOAL}
        options={goalOptions}
        onChange={setAgreed}
      />
      {revealed && conflict.agreedGoalId !== revealed && (
        <button
          type="button"
          className="cg-button"
          onClick={() => {
            setAgreed(revealed);
            // The button goes once used; the room's notes are what is left to write.
            notes.current?.focus();
          }}
        >
          Agree on the shared goal
        </button>
      )}
      <CommitField
        key={`${conflict.id}-notes`}
        label="Notes"
        value={conflict.notes}
        multiline
        inputRef={(element) => {
          notes.current = element;
        }}
        onCommit={(text) => applyEdit((d) => updateConflict(d, conflict.id, { notes: text }))}
      />
    </section>
  );
}
