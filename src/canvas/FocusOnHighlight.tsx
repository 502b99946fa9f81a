import { useEffect } from 'react';
import { useReactFlow } from '@xyflow/react';
import type { Highlight } from '../domain/highlight';

/**
 * Moves the camera to the walked paths (goals only) whenever a common-ground view opens or its
 * paths change; an edit elsewhere (a person added, a title typed) leaves the camera alone.
 */
export function FocusOnHighlight({
  highlight,
  maxZoom,
}: {
  highlight: Highlight | null;
  maxZoom: number;
}) {
  const { fitView } = useReactFlow();
  // The walked goals, not the people: their boxes sit far to the sides and would shrink the view.
  const walked = highlight ? [...new Set(highlight.paths.flatMap((p) => p.path))].join('\n') : null;
  useEffect(() => {
    if (walked === null) return;
    const nodes = walked.split('\n').map((id) => ({ id }));
    void fitView({ nodes, duration: 500, padding: 0.3, maxZoom });
  }, [walked, fitView, maxZoom]);
  return null;
}
