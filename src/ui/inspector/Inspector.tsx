import { useApp } from '../../store/appContext';
import { Suspense } from 'react';
import type { MapDocument } from '../../domain/model';
import { deleteSelection } from '../../store/deleteSelection';
import type { SelectedRecord } from '../../store/selection';
import { selectSelection, useSessionStore } from '../../store/sessionStore';
import { EditButton } from '../fields';
import { lazyPart } from '../lazyPart';
import { ViewOnlyArea } from '../ViewOnlyArea';

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

/** One selected record, editable in place (nothing while the map no longer holds it). */
function Details({ doc, record }: { doc: MapDocument; record: SelectedRecord }) {
  switch (record.kind) {
    case 'goal': {
      const goal = doc.goals.find((g) => g.id === record.id);
      return goal ? <GoalInspector goal={goal} doc={doc} /> : null;
    }
    case 'stakeholder': {
      const person = doc.stakeholders.find((s) => s.id === record.id);
      return person ? <StakeholderInspector stakeholder={person} doc={doc} /> : null;
    }
    case 'incentive': {
      const incentive = doc.incentives.find((i) => i.id === record.id);
      return incentive ? <IncentiveInspector incentive={incentive} doc={doc} /> : null;
    }
    case 'link': {
      const link = doc.links.find((l) => l.id === record.id);
      return link ? <LinkInspector link={link} doc={doc} /> : null;
    }
    case 'tradeOff': {
      const tradeOff = doc.tradeOffs.find((t) => t.id === record.id);
      return tradeOff ? <TradeOffInspector tradeOff={tradeOff} doc={doc} /> : null;
    }
  }
}

/** Details of what is selected: one record editable in place, or a summary of many. */
function Selected({ doc }: { doc: MapDocument }) {
  const app = useApp();
  const selection = useSessionStore(selectSelection);
  const [first] = selection;
  if (first === undefined) return null;
  if (selection.length > 1) {
    return (
      <section aria-label="Selection" className="cg-inspector">
        <h2>{selection.length} selected</h2>
        <p className="cg-hint">Drag any of them to move them together.</p>
        <EditButton danger onClick={() => deleteSelection(app)}>
          Delete selected
        </EditButton>
      </section>
    );
  }
  return (
    <Suspense fallback={null}>
      <Details doc={doc} record={first} />
    </Suspense>
  );
}

/**
 * The inspector; in a view-only map its fields and edit controls are read-only (still focusable
 * and read out), each described by one sentence that says why.
 */
export function Inspector({ doc }: { doc: MapDocument }) {
  const hasSelection = useSessionStore((s) => selectSelection(s).length > 0);
  return (
    <ViewOnlyArea explain={hasSelection}>
      <Selected doc={doc} />
    </ViewOnlyArea>
  );
}
