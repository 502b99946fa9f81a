import { useEffect } from 'react';
import { useStore, useStoreApi, type ReactFlowState } from '@xyflow/react';

/** Titles in the zoomed-out forms read at about this size on screen. */
const SCREEN_TITLE_PX = 13;
/** Zoom steps the size follows: finer would restyle the canvas on every wheel tick. */
const STEPS_PER_UNIT = 40;

const selectZoomStep = (s: ReactFlowState): number =>
  Math.max(1, Math.round(s.transform[2] * STEPS_PER_UNIT));

/**
 * Sets the title size of the zoomed-out node forms (GoalNode's "title" and "box" forms) as one
 * CSS variable on the canvas, so zooming restyles one element instead of re-rendering every node.
 */
export function ZoomedTitleSize() {
  const step = useStore(selectZoomStep);
  const flow = useStoreApi();
  useEffect(() => {
    const px = Math.round((SCREEN_TITLE_PX * STEPS_PER_UNIT) / step);
    flow.getState().domNode?.style.setProperty('--cg-zoomed-title', `${px}px`);
  }, [flow, step]);
  return null;
}
