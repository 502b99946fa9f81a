import { Suspense } from 'react';
import type { MapDocument } from '../../domain/model';
import { isEnabled } from '../actions/action';
import { useActionState } from '../actions/actionState';
import { editorAction, type EditorActionId } from '../actions/editorActions';
import { ActionButton, useSearchRef } from '../actions/EditorActions';
import { useToolbarFocus } from './useToolbarFocus';
import { lazyPart } from '../lazyPart';

// The search box and its ranking follow the map by a moment, in a slot that keeps its place.
const SearchBox = lazyPart(async () => (await import('./SearchBox')).SearchBox);

/** The toolbar's buttons, in order: one Tab stop, arrow keys move between them. */
const TOOLS: readonly EditorActionId[] = [
  'add-goal',
  'add-stakeholder',
  'undo',
  'redo',
  'history',
  'auto-layout',
  'fit-view',
  'workshop',
  'shortcuts',
];

/**
 * The editing tools above the canvas: add, undo/redo and history, layout, fit, search, shortcuts
 * (which name Ctrl/⌘+K, the palette of every action). One row at 1280 px wide, beside the panel.
 * The buttons are one Tab stop (arrow keys move between them) and the search box another, so the
 * keyboard walk from the canvas back to `Add goal` is short.
 */
export function CanvasToolbar({ doc }: { doc: MapDocument }) {
  const search = useSearchRef();
  const state = useActionState();
  const { tool, onKeyDown } = useToolbarFocus(
    TOOLS.filter((id) => isEnabled(editorAction(id), state)),
  );
  return (
    <div className="cg-canvasbar" role="toolbar" aria-label="Map editing" onKeyDown={onKeyDown}>
      <ActionButton id="add-goal" primary focus={tool('add-goal')} />
      <ActionButton id="add-stakeholder" focus={tool('add-stakeholder')} />
      <span className="cg-canvasbar__sep" aria-hidden="true" />
      <ActionButton id="undo" focus={tool('undo')} />
      <ActionButton id="redo" focus={tool('redo')} />
      <ActionButton id="history" focus={tool('history')} />
      <span className="cg-canvasbar__sep" aria-hidden="true" />
      <ActionButton id="auto-layout" focus={tool('auto-layout')} />
      <ActionButton id="fit-view" focus={tool('fit-view')} />
      <ActionButton id="workshop" focus={tool('workshop')} />
      <div className="cg-search">
        <Suspense fallback={null}>
          <SearchBox ref={search} doc={doc} />
        </Suspense>
      </div>
      <ActionButton id="shortcuts" focus={tool('shortcuts')} />
    </div>
  );
}
