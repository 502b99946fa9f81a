import { removeTradeOff, updateTradeOff } from '../../domain/commands';
import type { GoalId } from '../../domain/ids';
import type { MapDocument, TradeOff } from '../../domain/model';
import { useApp } from '../../store/appContext';
import { applyEdit } from '../../store/applyEdit';
import { CommitField, EditButton } from '../fields';

/** One trade-off: the two goals it sets against each other, why, and a way to delete it. */
export function TradeOffInspector({ tradeOff, doc }: { tradeOff: TradeOff; doc: MapDocument }) {
  const app = useApp();
  const title = (id: GoalId) => doc.goals.find((g) => g.id === id)?.title ?? id;
  const goalButton = (id: GoalId) => (
    <button
      type="button"
      className="cg-link-button"
      onClick={() => app.sessionStore.getState().select([{ kind: 'goal', id: id }])}
    >
      “{title(id)}”
    </button>
  );
  return (
    <section aria-label="Trade-off details" className="cg-inspector">
      <h2>Trade-off</h2>
      <p>
        {goalButton(tradeOff.a)} trades off against {goalButton(tradeOff.b)}.
      </p>
      <CommitField
        key={`${tradeOff.id}-note`}
        label="Why they pull apart"
        value={tradeOff.note}
        multiline
        onCommit={(note) => applyEdit(app, (d) => updateTradeOff(d, tradeOff.id, note))}
      />
      <EditButton danger onClick={() => applyEdit(app, (d) => removeTradeOff(d, tradeOff.id))}>
        Delete trade-off
      </EditButton>
    </section>
  );
}
