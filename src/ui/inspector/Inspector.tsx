import { useApp } from '../../store/appContext';
import { Suspense } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { MapDocument } from '../../domain/model';
import { deleteSelection, selectionSize } from '../../store/deleteSelection';
import { useSessionStore, type SessionData, type SessionState } from '../../store/sessionStore';
import { lazyPart } from '../lazyPart';

// Shown once something is selected; fetched when the browser is idle after the first screen.
const GoalInspector = lazyPart(async () => (await import('./GoalInspector')).GoalInspector, {
  whenIdle: true,
});
const StakeholderInspector = lazyPart(
  async () => (await import('./StakeholderInspector')).StakeholderInspector,
  { whenIdle: true },
);
const IncentiveInspector = lazyPart(
  async () => (await import('./IncentiveInspector')).IncentiveInspector,
  { whenIdle: true },
);
const LinkInspector = lazyPart(async () => (await import('./LinkInspector')).LinkInspector, {
  whenIdle: true,
});
const TradeOffInspector = lazyPart(
  async () => (await import('./TradeOffInspector')).TradeOffInspector,
  { whenIdle: true },
);

type SelectionData = Pick<
  SessionData,
  | 'selectedGoalIds'
  | 'selectedStakeholderIds'
  | 'selectedLinkIds'
  | 'selectedIncentiveIds'
  | 'selectedTradeOffIds'
>;
const selectSelection = (s: SessionState): SelectionData => ({
  selectedGoalIds: s.selectedGoalIds,
  selectedStakeholderIds: s.selectedStakeholderIds,
  selectedLinkIds: s.selectedLinkIds,
  selectedIncentiveIds: s.selectedIncentiveIds,
  selectedTradeOffIds: s.selectedTradeOffIds,
});

/** One selected record, editable in place. */
function Details({ doc, session }: { doc: MapDocument; session: SelectionData }) {
  const goal = doc.goals.find((g) => g.id === session.selectedGoalIds[0]);
  if (goal) return <GoalInspector goal={goal} doc={doc} />;
  const person = doc.stakeholders.find((s) => s.id === session.selectedStakeholderIds[0]);
  if (person) return <StakeholderInspector stakeholder={person} doc={doc} />;
  const incentive = doc.incentives.find((i) => i.id === session.selectedIncentiveIds[0]);
  if (incentive) return <IncentiveInspector incentive={incentive} doc={doc} />;
  const link = doc.links.find((l) => l.id === session.selectedLinkIds[0]);
  if (link) return <LinkInspector link={link} doc={doc} />;
  const tradeOff = doc.tradeOffs.find((t) => t.id === session.selectedTradeOffIds[0]);
  if (tradeOff) return <TradeOffInspector tradeOff={tradeOff} doc={doc} />;
  return null;
}

/** Details of what is selected: one record editable in place, or a summary of many. */
export function Inspector({ doc }: { doc: MapDocument }) {
  const app = useApp();
  const session = useSessionStore(useShallow(selectSelection));
  const count = selectionSize(session);
  if (count === 0) return null;
  if (count > 1) {
    return (
      <section aria-label="Selection" className="cg-inspector">
        <h2>{count} selected</h2>
        <p className="cg-hint">Drag any of them to move them together.</p>
        <button
          type="button"
          className="cg-button cg-button--danger"
          onClick={() => deleteSelection(app)}
        >
          Delete selected
        </button>
      </section>
    );
  }
  return (
    <Suspense fallback={null}>
      <Details doc={doc} session={session} />
    </Suspense>
  );
}
