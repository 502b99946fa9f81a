import { useEffect } from 'react';
import { useReactFlow } from '@xyflow/react';
import type { Highlight } from './highlight';

/** Moves the camera to the walked paths whenever a common-ground view opens or changes. */
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
    const ids = new Set(highlight.paths.flatMap((p) => [p.stakeholderId, ...p.path]));
    void fitView({ nodes: [...ids].map((id) => ({ id })), duration: 500, padding: 0.3, maxZoom });
  }, [highlight, fitView, maxZoom]);
  return null;
}
