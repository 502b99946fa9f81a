import { Suspense } from 'react';
import type { MapDocument } from '../../domain/model';
import { ActionButton, useSearchRef } from '../actions/EditorActions';
import { lazyPart } from '../lazyPart';

// The search box and its ranking follow the map by a moment, in a slot that keeps its place.
const SearchBox = lazyPart(async () => (await import('./SearchBox')).SearchBox);

/**
 * The editing tools above the canvas: add, undo/redo and history, layout, fit, search, shortcuts
 * (which name Ctrl/⌘+K, the palette of every action). One row at 1280 px wide, beside the panel.
 */
export function CanvasToolbar({ doc }: { doc: MapDocument }) {
  const search = useSearchRef();
  return (
    <div className="cg-canvasbar" role="toolbar" aria-label="Map editing">
      <ActionButton id="add-goal" primary />
      <ActionButton id="add-stakeholder" />
      <span className="cg-canvasbar__sep" aria-hidden="true" />
      <ActionButton id="undo" />
      <ActionButton id="redo" />
      <ActionButton id="history" />
      <span className="cg-canvasbar__sep" aria-hidden="true" />
      <ActionButton id="auto-layout" />
      <ActionButton id="fit-view" />
      <ActionButton id="workshop" />
      <div className="cg-search">
        <Suspense fallback={null}>
          <SearchBox ref={search} doc={doc} />
        </Suspense>
      </div>
      <ActionButton id="shortcuts" />
    </div>
  );
}
