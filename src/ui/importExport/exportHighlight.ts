import type { App } from '../../store/app';
import { goalIndexOf, findCommonGround } from '../../domain/engine';
import type { MapDocument } from '../../domain/model';
import type { SvgHighlight } from '../../io/svg';
import { toHighlight } from '../commonGround/useCommonGroundView';

/**
 * The common-ground highlight the canvas shows right now (the panel is open with its parties),
 * worked out once at export time rather than kept up to date on every edit.
 */
export function exportHighlight(app: App, doc: MapDocument): SvgHighlight | null {
  const { openPanel, parties, shownAnswerGoalId } = app.sessionStore.getState();
  if (openPanel !== 'common-ground') return null;
  return toHighlight(findCommonGround(goalIndexOf(doc), parties), doc, shownAnswerGoalId);
}
