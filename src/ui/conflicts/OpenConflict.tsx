import { Suspense } from 'react';
import type { CommonGround } from '../../domain/engine';
import type { MapDocument } from '../../domain/model';
import { selectOpenConflictId, selectParties, useSessionStore } from '../../store/sessionStore';
import { lazyPart } from '../lazyPart';
import { nearestGoalOf, sameMembers } from './conflictText';

const ConflictEditor = lazyPart(async () => (await import('./ConflictEditor')).ConflictEditor, {
  whenIdle: true,
});

/**
 * The open conflict, editable beside its common-ground answer, so the agreed goal can be taken
 * straight from the engine's suggestion. Hidden once the user picks other parties by hand.
 */
export function OpenConflict({ doc, result }: { doc: MapDocument; result: CommonGround | null }) {
  const id = useSessionStore(selectOpenConflictId);
  const parties = useSessionStore(selectParties);
  const conflict = doc.conflicts.find((c) => c.id === id);
  if (!conflict || !sameMembers(conflict.parties, parties)) return null;
  return (
    <Suspense fallback={null}>
      <ConflictEditor conflict={conflict} doc={doc} suggestion={nearestGoalOf(result)} />
    </Suspense>
  );
}
