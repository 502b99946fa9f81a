import { useMemo } from 'react';
import type { Highlight } from '../canvas/highlight';
import { buildGoalIndex, findCommonGround, type CommonGround } from '../domain/engine';
import type { MapDocument } from '../domain/model';
import { selectParties, useSessionStore, type SessionState } from '../store/sessionStore';

const selectShowing = (s: SessionState): boolean => s.openPanel === 'common-ground';

/** The paths of the nearest common goal, in each party's colour, for the canvas to draw. */
export function toHighlight(result: CommonGround, doc: MapDocument): Highlight {
  if (result.status !== 'found' && result.status !== 'already-shared') {
    return { paths: [], nearestGoalId: null };
  }
  const nearest = result.answers[0];
  const colors = new Map<string, string>(doc.stakeholders.map((s) => [s.id, s.color]));
  return {
    nearestGoalId: nearest?.goalId ?? null,
    paths: (nearest?.climbs ?? []).map((c) => ({
      stakeholderId: c.stakeholderId,
      color: colors.get(c.stakeholderId) ?? '#495057',
      path: c.path,
    })),
  };
}

/**
 * The open common-ground view: the engine's answer for the chosen parties and what to highlight.
 * The goal index is built once per document revision and only while the view is open.
 */
export function useCommonGroundView(doc: MapDocument): {
  result: CommonGround | null;
  highlight: Highlight | null;
} {
  const parties = useSessionStore(selectParties);
  const showing = useSessionStore(selectShowing);
  const index = useMemo(() => (showing ? buildGoalIndex(doc) : null), [doc, showing]);
  return useMemo(() => {
    if (!index) return { result: null, highlight: null };
    const result = findCommonGround(index, parties);
    return { result, highlight: toHighlight(result, doc) };
  }, [index, parties, doc]);
}
