import { useMemo, useRef } from 'react';
import type { Highlight } from '../../domain/highlight';
import { MapCanvas } from '../../canvas/MapCanvas';
import { useApp } from '../../store/appContext';
import { goalIndexOf, findCommonGround, type CommonGoalAnswer } from '../../domain/engine';
import type { MapDocument } from '../../domain/model';
import { partiesAndPaths } from '../../domain/nodeIds';
import { walkFrame, type WalkFrame } from '../../domain/walk';
import { selectOpenConflictId, selectParties, useSessionStore } from '../../store/sessionStore';
import { selectWorkshopStep, useWorkshopStore } from '../../store/workshopStore';
import { headline, namesOf, type Names } from '../explain';
import { leaveWorkshop, useWorkshopKeys, WORKSHOP_KEYS_HINT } from './useWorkshopKeys';
import { StorageAlertSlot } from '../storage/StorageAlertSlot';
import { PresenceSlot } from '../rooms/PresenceSlot';
import { AgreeButton, WorkshopCapture } from './WorkshopCapture';
import './workshop.css';

function frameHighlight(frame: WalkFrame, answer: CommonGoalAnswer, doc: MapDocument): Highlight {
  const colors = new Map<string, string>(doc.stakeholders.map((s) => [s.id, s.color]));
  return {
    nearestGoalId: frame.met ? answer.goalId : null,
    paths: frame.parties.map((p) => ({
      stakeholderId: p.stakeholderId,
      color: colors.get(p.stakeholderId) ?? '#ffffff',
      path: p.walked,
    })),
  };
}

function Stage({
  frame,
  answer,
  names,
  doc,
}: {
  frame: WalkFrame;
  answer: CommonGoalAnswer;
  names: Names;
  doc: MapDocument;
}) {
  const color = (id: string) => doc.stakeholders.find((s) => s.id === id)?.color ?? '#fff';
  return (
    <>
      {/* Each step is read out as it happens: where every party now is. */}
      <div className="cg-workshop__walk" aria-live="polite" aria-atomic="true">
        <p className="cg-workshop__step">
          Step {frame.step} of {frame.totalSteps}
        </p>
        <ul className="cg-workshop__parties">
          {frame.parties.map((p) => (
            <li key={p.stakeholderId}>
              <span
                className="cg-swatch"
                style={{ background: color(p.stakeholderId) }}
                aria-hidden="true"
              />
              {names.party(p.stakeholderId)} {p.arrived && frame.met ? 'serves' : 'is at'} “
              {names.goal(p.at)}”
            </li>
          ))}
        </ul>
      </div>
      <p className="cg-workshop__reveal" role="status" aria-live="polite">
        {frame.met ? `The paths meet. Nearest common goal: ${names.goal(answer.goalId)}` : ''}
      </p>
    </>
  );
}

/**
 * Workshop mode: the map on a projector, editing chrome gone, and the walk up the tree one level
 * per key press until the parties' paths meet.
 */
export function WorkshopScreen({ doc }: { doc: MapDocument }) {
  const app = useApp();
  const parties = useSessionStore(selectParties);
  const conflictId = useSessionStore(selectOpenConflictId);
  const step = useWorkshopStore(selectWorkshopStep);
  const index = goalIndexOf(doc);
  const result = useMemo(() => findCommonGround(index, parties), [index, parties]);
  const answered = result.status === 'found' || result.status === 'already-shared';
  const answer = answered ? result.answers[0] : undefined;
  const frame = useMemo(() => (answer ? walkFrame(answer, step) : null), [answer, step]);
  useWorkshopKeys(frame?.totalSteps ?? 0);
  const highlight = useMemo(
    () => (frame && answer ? frameHighlight(frame, answer, doc) : null),
    [frame, answer, doc],
  );
  // The whole walk is framed from the first step, so the camera holds still while the room walks.
  const framed = useMemo(
    () =>
      answer
        ? partiesAndPaths(
            answer.climbs.flatMap((c) => c.path),
            parties,
          )
        : null,
    [answer, parties],
  );
  const names = namesOf(doc);
  const conflict = doc.conflicts.find((c) => c.id === conflictId);
  const notesRef = useRef<HTMLInputElement | HTMLTextAreaElement | null>(null);
  const revealed = frame?.met ? (answer?.goalId ?? null) : null;
  return (
    <div className="cg-workshop" role="main" aria-label="Workshop mode">
      <div className="cg-workshop__canvas">
        <MapCanvas doc={doc} highlight={highlight} frame={framed} readOnly>
          <PresenceSlot />
        </MapCanvas>
      </div>
      <aside className="cg-workshop__panel" aria-label="Walk up the tree">
        {/* The walk and the capture scroll when they run long; the actions below never do, so
            agreeing and leaving stay on screen on a 720-px projector. */}
        <div className="cg-workshop__body">
          {/* What the room captures must not be lost unseen: storage problems show here too. */}
          <StorageAlertSlot doc={doc} />
          <h1>{conflict?.title ?? parties.map((p) => names.party(p)).join(' and ')}</h1>
          {frame && answer ? (
            <Stage frame={frame} answer={answer} names={names} doc={doc} />
          ) : (
            <p role="status">{headline(result, names)}</p>
          )}
          <p className="cg-workshop__keys">{WORKSHOP_KEYS_HINT}</p>
          {conflict && <WorkshopCapture conflict={conflict} doc={doc} notesRef={notesRef} />}
        </div>
        <div className="cg-workshop__actions">
          {conflict && (
            <AgreeButton conflict={conflict} doc={doc} revealed={revealed} notesRef={notesRef} />
          )}
          <button type="button" className="cg-button" onClick={() => leaveWorkshop(app)}>
            Leave workshop mode
          </button>
        </div>
      </aside>
    </div>
  );
}
