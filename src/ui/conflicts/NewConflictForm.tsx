import { useApp } from '../../store/appContext';
import { useId, useState } from 'react';
import { addConflict } from '../../domain/commands';
import { asConflictId, newId, type StakeholderId } from '../../domain/ids';
import type { MapDocument } from '../../domain/model';
import { selectParties, useSessionStore } from '../../store/sessionStore';
import { applyEdit } from '../../store/applyEdit';
import { PartyCheckboxes } from './PartyCheckboxes';
import { FIRST_PERSPECTIVE, sameMembers } from './conflictText';
import { focusWhenShown } from '../../canvas/focusSoon';
import '../fields.css';

/** Why the form cannot be sent yet, or null when it can. */
function whatIsMissing(
  title: string,
  parties: readonly StakeholderId[],
  doc: MapDocument,
): string | null {
  if (doc.stakeholders.length < 2) return 'A conflict needs two stakeholders: add them first.';
  if (title.trim() === '') return 'Give the conflict a title.';
  if (parties.length < 2) return 'Tick at least two parties.';
  return null;
}

/**
 * Title and parties, the two things a conflict cannot exist without. Parties picked by hand for
 * "find common ground" are ticked to start with, since that is often who the user means; the
 * parties of a conflict that is already recorded are not.
 * A created conflict opens at once, so its perspectives and agreed goal can be filled in beside
 * the answer.
 */
export function NewConflictForm({ doc, onDone }: { doc: MapDocument; onDone: () => void }) {
  const app = useApp();
  const titleId = useId();
  const picked = useSessionStore(selectParties);
  const [title, setTitle] = useState('');
  const [parties, setParties] = useState<StakeholderId[]>(() =>
    doc.conflicts.some((c) => sameMembers(c.parties, picked))
      ? []
      : picked.filter((p) => doc.stakeholders.some((s) => s.id === p)),
  );
  const missing = whatIsMissing(title, parties, doc);
  return (
    <form
      className="cg-new-conflict"
      aria-label="New conflict"
      onSubmit={(e) => {
        e.preventDefault();
        if (missing) return;
        const id = asConflictId(newId('c'));
        if (!applyEdit(app, (d) => addConflict(d, { id, title: title.trim(), parties }))) return;
        onDone();
        app.sessionStore.getState().openConflict({ id, parties });
        // The conflict opens beside its answer, further down the panel: straight to what to fill in.
        focusWhenShown(FIRST_PERSPECTIVE);
      }}
    >
      <div className="cg-field">
        <label htmlFor={titleId}>Title</label>
        <input
          id={titleId}
          type="text"
          value={title}
          placeholder="e.g. Discounting at quarter end"
          onChange={(e) => setTitle(e.target.value)}
        />
      </div>
      <PartyCheckboxes doc={doc} legend="Parties" value={parties} onChange={setParties} />
      <p className="cg-hint" aria-live="polite">
        {missing ?? 'Ready: the conflict opens beside its common ground.'}
      </p>
      <div className="cg-row">
        <button type="submit" className="cg-button cg-button--primary" disabled={missing !== null}>
          Create conflict
        </button>
        <button type="button" className="cg-button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
