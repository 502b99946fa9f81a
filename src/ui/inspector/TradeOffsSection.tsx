import { useId } from 'react';
import { addTradeOff, findTradeOff } from '../../domain/commands';
import type { GoalId } from '../../domain/ids';
import type { Goal, MapDocument } from '../../domain/model';
import { useApp } from '../../store/appContext';
import { useDraft } from '../../store/sessionStore';
import { applyEdit } from '../../store/applyEdit';
import { useViewOnlyNote } from '../viewOnly';
import { GoalPicker } from './GoalPicker';

/**
 * The goals this one pulls against, listed on both goals of each trade-off (each opening its own
 * inspector, where the note is edited and the trade-off deleted), and the keyboard's way to drag
 * between side handles: a goal picker with a note saying why the two pull apart.
 */
export function TradeOffsSection({ goal, doc }: { goal: Goal; doc: MapDocument }) {
  const app = useApp();
  const title = (id: GoalId) => doc.goals.find((g) => g.id === id)?.title ?? id;
  const mine = doc.tradeOffs.filter((t) => t.a === goal.id || t.b === goal.id);
  return (
    <section aria-label={`Trade-offs of ${goal.title}`}>
      <h3 className="cg-subhead">Trades off against</h3>
      {mine.length === 0 ? (
        <p className="cg-hint">
          No trade-offs yet: goals this one pulls against. Drag from a side handle to another goal’s
          side, or pick one below.
        </p>
      ) : (
        <ul className="cg-incentives">
          {mine.map((t) => (
            <li key={t.id}>
              <button
                type="button"
                className="cg-link-button"
                onClick={() => app.sessionStore.getState().select([{ kind: 'tradeOff', id: t.id }])}
              >
                “{title(t.a === goal.id ? t.b : t.a)}”{t.note === '' ? '' : ` — ${t.note}`}
              </button>
            </li>
          ))}
        </ul>
      )}
      <NewTradeOff key={goal.id} goal={goal} doc={doc} />
    </section>
  );
}

/** The picker and the note, both drafts kept per goal until the trade-off is added. */
function NewTradeOff({ goal, doc }: { goal: Goal; doc: MapDocument }) {
  const app = useApp();
  const noteId = useId();
  const viewOnly = useViewOnlyNote();
  const draftKey = `trade-off/${goal.id}`;
  const [note, setNote] = useDraft(`${draftKey}/note`);
  const candidates = doc.goals.filter((g) => g.id !== goal.id && !findTradeOff(doc, goal.id, g.id));
  const add = (other: GoalId) => {
    const added = applyEdit(app, (d) =>
      addTradeOff(d, { a: goal.id, b: other, note: note.trim() }),
    );
    if (added) setNote('');
    return added;
  };
  return (
    <GoalPicker
      legend="Add trade-off…"
      goals={candidates}
      action="Add trade-off"
      draftKey={draftKey}
      onPick={add}
    >
      <div className="cg-field">
        <label htmlFor={noteId}>Why they pull apart</label>
        <input
          id={noteId}
          type="text"
          readOnly={viewOnly !== null}
          aria-describedby={viewOnly ?? undefined}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          onKeyDown={(e) => {
            // Leaves the field and keeps the note, as everywhere else; Enter does not add yet.
            if (e.key === 'Escape') {
              e.preventDefault();
              e.currentTarget.blur();
            }
          }}
        />
      </div>
    </GoalPicker>
  );
}
