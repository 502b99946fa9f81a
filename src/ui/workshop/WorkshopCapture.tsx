import type { RefObject } from 'react';
import { updateConflict } from '../../domain/commands';
import type { GoalId } from '../../domain/ids';
import type { Conflict, MapDocument } from '../../domain/model';
import type { App } from '../../store/app';
import { useApp } from '../../store/appContext';
import { applyEdit } from '../../store/applyEdit';
import { selectReadOnly, useDocumentStore } from '../../store/documentStore';
import { CommitField, SelectField } from '../fields';
import { ViewOnlyArea } from '../ViewOnlyArea';

const NO_GOAL = '';

type NotesField = HTMLInputElement | HTMLTextAreaElement | null;

function setAgreedGoal(app: App, doc: MapDocument, conflict: Conflict, value: string): void {
  const goal = doc.goals.find((g) => g.id === value);
  applyEdit(app, (d) => updateConflict(d, conflict.id, { agreedGoalId: goal ? goal.id : null }));
}

/**
 * Makes the revealed nearest common goal the agreed one. It sits in the panel's action bar,
 * always on screen, and is gone once used; focus moves to the notes, what is left to write. A
 * device with a view link has nothing to agree with.
 */
export function AgreeButton({
  conflict,
  doc,
  revealed,
  notesRef,
}: {
  conflict: Conflict;
  doc: MapDocument;
  revealed: GoalId | null;
  notesRef: RefObject<NotesField>;
}) {
  const app = useApp();
  const viewOnly = useDocumentStore(selectReadOnly);
  if (viewOnly || !revealed || conflict.agreedGoalId === revealed) return null;
  return (
    <button
      type="button"
      className="cg-button cg-button--primary"
      onClick={() => {
        setAgreedGoal(app, doc, conflict, revealed);
        notesRef.current?.focus();
      }}
    >
      Agree on the shared goal
    </button>
  );
}

/**
 * What the room agrees, typed without leaving the mode: each party's perspective, the agreed goal
 * and notes. Every entry is an undoable edit.
 */
export function WorkshopCapture({
  conflict,
  doc,
  notesRef,
}: {
  conflict: Conflict;
  doc: MapDocument;
  notesRef: RefObject<NotesField>;
}) {
  const app = useApp();
  const goalOptions = [
    { value: NO_GOAL, label: 'Not agreed yet' },
    ...doc.goals.map((g) => ({ value: g.id, label: g.title })),
  ];
  const nameOf = (id: string) => doc.stakeholders.find((s) => s.id === id)?.name ?? id;
  return (
    <section className="cg-workshop__capture" aria-label="Capture the agreement">
      <h2>What the room agrees</h2>
      <ViewOnlyArea>
        {conflict.parties.map((party) => (
          <CommitField
            key={`${conflict.id}-${party}`}
            label={`${nameOf(party)}’s perspective`}
            value={
              Object.hasOwn(conflict.perspectives, party)
                ? (conflict.perspectives[party] ?? '')
                : ''
            }
            multiline
            onCommit={(text) =>
              applyEdit(app, (d) =>
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
          onChange={(value) => setAgreedGoal(app, doc, conflict, value)}
        />
        <CommitField
          key={`${conflict.id}-notes`}
          label="Notes"
          value={conflict.notes}
          multiline
          inputRef={(element) => {
            notesRef.current = element;
          }}
          onCommit={(text) =>
            applyEdit(app, (d) => updateConflict(d, conflict.id, { notes: text }))
          }
        />
      </ViewOnlyArea>
    </section>
  );
}
