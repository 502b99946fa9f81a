import { useMemo } from 'react';
import type { Highlight } from '../../domain/highlight';
import type { CommonGoalAnswer, CommonGround } from '../../domain/engine';
import type { GoalId } from '../../domain/ids';
import type { MapDocument } from '../../domain/model';
import {
  selectParties,
  selectShownAnswerGoalId,
  useSessionStore,
  type SessionState,
} from '../../store/sessionStore';
import { lazyModule, useLazyModule } from '../lazyPart';

/** The first screen never asks for common ground: the engine comes when the view first opens. */
const engineCode = lazyModule(() => import('../../domain/engine'), { whenIdle: true });

const selectShowing = (s: SessionState): boolean => s.openPanel === 'common-ground';

/** The answer on show: the alternative the user picked, or else the nearest common goal. */
export function shownAnswer(
  result: CommonGround,
  shownGoalId: GoalId | null,
): CommonGoalAnswer | undefined {
  if (result.status !== 'found' && result.status !== 'already-shared') return undefined;
  return result.answers.find((a) => a.goalId === shownGoalId) ?? result.answers[0];
}

/** The paths to the answer on show, in each party's colour, for the canvas to draw. */
export function toHighlight(
  result: CommonGround,
  doc: MapDocument,
  shownGoalId: GoalId | null = null,
): Highlight {
  const nearest = shownAnswer(result, shownGoalId);
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
 * The open common-ground view: the engine's answer for the chosen parties and what to highlight
 * (nothing for the moment the engine's code may still be on its way). The goal index is built
 * once per document revision and only while the view is open.
 */
export function useCommonGroundView(doc: MapDocument): {
  result: CommonGround | null;
  highlight: Highlight | null;
} {
  const parties = useSessionStore(selectParties);
  const showing = useSessionStore(selectShowing);
  const shownGoalId = useSessionStore(selectShownAnswerGoalId);
  const engine = useLazyModule(engineCode, showing);
  const index = showing && engine ? engine.goalIndexOf(doc) : null;
  return useMemo(() => {
    if (!index || !engine) return { result: null, highlight: null };
    const result = engine.findCommonGround(index, parties);
    return { result, highlight: toHighlight(result, doc, shownGoalId) };
  }, [engine, index, parties, doc, shownGoalId]);
}
