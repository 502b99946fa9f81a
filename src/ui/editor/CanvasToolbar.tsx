import type { MapDocument } from '../../domain/model';
import { ActionButton, useSearchRef } from '../actions/EditorActions';
import { SearchBox } from './SearchBox';

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
      <SearchBox ref={search} doc={doc} />
      <ActionButton id="shortcuts" />
    </div>
  );
}
