import { useId, useState } from 'react';
import { addTradeOff, removeTradeOff } from '../../domain/commands';
import type { GoalId } from '../../domain/ids';
import type { Goal, MapDocument } from '../../domain/model';
import { applyEdit } from '../../store/applyEdit';
import { SelectField } from '../fields';

const NO_GOAL = '';

/**
 * The goals this one pulls against, listed here on both goals of each trade-off, and the way to add
 * one: a goal picker narrowed by a search box, and a note saying why the two pull apart.
 */
export function TradeOffsSection({ goal, doc }: { goal: Goal; doc: MapDocument }) {
  const title = (id: GoalId) => doc.goals.find((g) => g.id === id)?.title ?? id;
  const mine = doc.tradeOffs.filter((t) => t.a === goal.id || t.b === goal.id);
  return (
    <section aria-label={`Trade-offs of ${goal.title}`}>
      <h3 className="cg-subhead">Trades off against</h3>
      {mine.length === 0 ? (
        <p className="cg-hint">No trade-offs yet: goals this one pulls against.</p>
      ) : (
        <ul className="cg-incentives">
          {mine.map((t) => {
            const other = t.a === goal.id ? t.b : t.a;
            return (
              <li key={t.id}>
                <span>
                  “{title(other)}”{t.note === '' ? '' : ` — ${t.note}`}
                </span>{' '}
                <button
                  type="button"
                  className="cg-link-button"
                  aria-label={`Remove trade-off with ${title(other)}`}
                  onClick={() => applyEdit((d) => removeTradeOff(d, t.id))}
                >
                  Remove
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <NewTradeOff key={goal.id} goal={goal} doc={doc} />
    </section>
  );
}

function NewTradeOff({ goal, doc }: { goal: Goal; doc: MapDocument }) {
  const searchId = useId();
  const noteId = useId();
  const [search, setSearch] = useState('');
  const [other, setOther] = useState<GoalId | typeof NO_GOAL>(NO_GOAL);
  const [note, setNote] = useState('');
  const needle = search.trim().toLowerCase();
  const candidates = doc.goals.filter(
    (g) => g.id !== goal.id && (g.id === other || g.title.toLowerCase().includes(needle)),
  );
  const options: { value: GoalId | typeof NO_GOAL; label: string }[] = [
    { value: NO_GOAL, label: candidates.length === 0 ? 'No goal matches' : 'Choose a goal…' },
    ...candidates.map((g) => ({ value: g.id, label: g.title })),
  ];
  const add = () => {
    if (other === NO_GOAL) return;
    if (applyEdit((d) => addTradeOff(d, { a: goal.id, b: other, note: note.trim() }))) {
      setOther(NO_GOAL);
      setNote('');
      setSearch('');
    }
  };
  return (
    <div className="cg-new-trade-off">
      <div className="cg-field">
        <label htmlFor={searchId}>Find a goal to trade off against</label>
        <input
          id={searchId}
          type="search"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
      </div>
      <SelectField
        label="Trades off against"
        value={other}
        options={options}
        onChange={(v) => setOther(v)}
      />
      <div className="cg-field">
        <label htmlFor={noteId}>Why they pull apart</label>
        <input id={noteId} type="text" value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      <button type="button" className="cg-button" disabled={other === NO_GOAL} onClick={add}>
        Add trade-off
      </button>
    </div>
  );
}
