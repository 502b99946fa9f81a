import { useEffect } from 'react';
import { useReactFlow } from '@xyflow/react';
import type { Highlight } from './highlight';

/** Moves the camera to the walked paths whenever a common-ground view opens or changes. */
export function FocusOnHighlight({ highlight }: { highlight: Highlight | null }) {
  const { fitView } = useReactFlow();
  useEffect(() => {
    if (!highlight) return;
    const ids = new Set(highlight.paths.flatMap((p) => [p.stakeholderId, ...p.path]));
    void fitView({ nodes: [...ids].map((id) => ({ id })), duration: 400, padding: 0.25 });
  }, [highlight, fitView]);
  return null;
}
