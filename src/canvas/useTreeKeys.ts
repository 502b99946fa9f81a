import { useApp } from '../store/appContext';
import { useCallback, type KeyboardEvent } from 'react';
import { useReactFlow } from '@xyflow/react';
import { asGoalId } from '../domain/ids';
import type { MapDocument } from '../domain/model';
import { goalNodeId, recordOfNode } from '../domain/nodeIds';
import { focusWhenShown } from './focusSoon';
import { ARROW_DIRECTIONS, neighbourGoal } from './treeNavigation';

/**
 * Arrow keys on a focused goal move along the tree (up to a parent, down to a child, across to
 * siblings), selecting the goal reached and moving focus to it; when the tree runs left to right,
 * left and right walk up and down it, up and down go across. They run
 * before React Flow's own arrow handling, which would nudge the selected node instead.
 */
export function useTreeKeys(doc: MapDocument): (e: KeyboardEvent<HTMLDivElement>) => void {
  const app = useApp();
  const { getInternalNode } = useReactFlow();
  return useCallback(
    (e: KeyboardEvent<HTMLDivElement>) => {
      const { orientation } = app.mapViewStore.getState();
      const direction = ARROW_DIRECTIONS[orientation][e.key];
      const target = e.target;
      if (!direction || !(target instanceof HTMLElement)) return;
      if (!target.classList.contains('react-flow__node')) return;
      const record = recordOfNode(target.dataset.id ?? '');
      if (record?.kind !== 'goal' || !doc.goals.some((g) => g.id === record.id)) return;
      e.preventDefault();
      e.stopPropagation();
      const across = orientation === 'leftRight' ? 'y' : 'x';
      const acrossOf = (goalId: string) =>
        getInternalNode(goalNodeId(goalId))?.internals.positionAbsolute[across] ?? 0;
      const next = neighbourGoal(doc, record.id, direction, acrossOf);
      if (next === null) return;
      app.sessionStore.getState().select([{ kind: 'goal', id: asGoalId(next) }]);
      // A goal already drawn takes focus now, so a quick second press starts from it; one off
      // screen takes it once the camera has brought it in.
      const selector = `.react-flow__node[data-id="${CSS.escape(goalNodeId(next))}"]`;
      const drawn = document.querySelector<HTMLElement>(selector);
      if (drawn) drawn.focus({ preventScroll: true });
      else focusWhenShown(selector, { scroll: false });
    },
    [doc, getInternalNode, app],
  );
}
