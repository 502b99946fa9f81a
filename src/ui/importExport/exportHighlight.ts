import { goalIndexOf, findCommonGround } from '../../domain/engine';
import type { MapDocument } from '../../domain/model';
import type { SvgHighlight } from '../../io/svg';
import { sessionStore } from '../../store/sessionStore';
import { toHighlight } from '../commonGround/useCommonGroundView';

/**
 * The common-ground highlight the canvas shows right now (the panel is open with its parties),
 * worked out once at export time rather than kept up to date on every edit.
 */
export function exportHighlight(doc: MapDocument): SvgHighlight | null {
  const { openPanel, parties, shownAnswerGoalId } = sessionStore.getState();
  if (openPanel !== 'common-ground') return null;
  return toHighlight(findCommonGround(goalIndexOf(doc), parties), doc, shownAnswerGoalId);
}
