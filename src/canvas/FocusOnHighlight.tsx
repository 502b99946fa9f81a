import { useEffect } from 'react';
import { useReactFlow } from '@xyflow/react';
import type { Highlight } from './highlight';

/** Moves the camera to the walked paths (goals only) whenever a common-ground view opens or changes. */
export function FocusOnHighlight({
  highlight,
  maxZoom,
}: {
  highlight: Highlight | null;
  maxZoom: number;
}) {
  const { fitView } = useReactFlow();
  useEffect(() => {
    if (!highlight) return;
    // The walked goals, not the people: their boxes sit far to the sides and would shrink the view.
    const ids = new Set(highlight.paths.flatMap((p) => p.path));
    void fitView({ nodes: [...ids].map((id) => ({ id })), duration: 500, padding: 0.3, maxZoom });
  }, [highlight, fitView, maxZoom]);
  return null;
}
