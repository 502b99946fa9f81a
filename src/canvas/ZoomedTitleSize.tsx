import { useContext, useEffect } from 'react';
import { useStore, useStoreApi, type ReactFlowState } from '@xyflow/react';
import { ZoomFormsContext } from './zoomForms';

/** Zoom steps the size follows: finer would restyle the canvas on every wheel tick. */
const STEPS_PER_UNIT = 40;

/** Rounded down, so the title is never smaller on screen than the size asked for. */
const selectZoomStep = (s: ReactFlowState): number =>
  Math.max(1, Math.floor(s.transform[2] * STEPS_PER_UNIT));

/**
 * Sets the title size of the zoomed-out node forms (GoalNode's "title" and "box" forms) as one
 * CSS variable on the canvas, so zooming restyles one element instead of re-rendering every node.
 */
export function ZoomedTitleSize() {
  const step = useStore(selectZoomStep);
  const { titlePx } = useContext(ZoomFormsContext);
  const flow = useStoreApi();
  useEffect(() => {
    const px = Math.ceil((titlePx * STEPS_PER_UNIT) / step);
    flow.getState().domNode?.style.setProperty('--cg-zoomed-title', `${px}px`);
  }, [flow, step, titlePx]);
  return null;
}
