import { useCallback, useRef, useState } from 'react';
import { useReactFlow } from '@xyflow/react';
import { FIT_ALL } from '../../canvas/fitOptions';
import { positionsStore } from '../../canvas/positionsStore';
import type { MapDocument } from '../../domain/model';
import { addGoalNearSelection, addStakeholderToMap } from '../../store/addActions';
import {
  documentStore,
  selectCanRedo,
  selectCanUndo,
  useDocumentHistory,
} from '../../store/documentStore';
import { WorkshopButton } from '../workshop/WorkshopButton';
import { SearchBox } from './SearchBox';
import { ShortcutsDialog } from './ShortcutsDialog';
import { useShortcuts } from './useShortcuts';

/** Re-runs auto layout for the whole map: pinned goals are released (one undoable edit). */
function autoLayout(): void {
  positionsStore.getState().requestLayout({ releasePins: true });
}

/** Selects the Title field of a goal just added, so typing names it. */
function focusTitleSoon(): void {
  requestAnimationFrame(() => {
    const title = document.querySelector<HTMLInputElement>('[aria-label="Goal details"] input');
    title?.focus();
    title?.select();
  });
}

/** The editing tools above the canvas: add, undo/redo, layout, fit, search, shortcuts. */
export function CanvasToolbar({ doc }: { doc: MapDocument }) {
  const canUndo = useDocumentHistory(selectCanUndo);
  const canRedo = useDocumentHistory(selectCanRedo);
  const { fitView } = useReactFlow();
  const search = useRef<HTMLInputElement>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const focusSearch = useCallback(() => search.current?.focus(), []);
  const toggleHelp = useCallback(() => setHelpOpen((o) => !o), []);
  useShortcuts({ focusSearch, toggleHelp });
  return (
    <div className="cg-canvasbar" role="toolbar" aria-label="Map editing">
      <button
        type="button"
        className="cg-button cg-button--primary"
        onClick={() => {
          if (addGoalNearSelection(doc)) focusTitleSoon();
        }}
      >
        Add goal
      </button>
      <button type="button" className="cg-button" onClick={addStakeholderToMap}>
        Add stakeholder
      </button>
      <span className="cg-canvasbar__sep" aria-hidden="true" />
      <button
        type="button"
        className="cg-button"
        disabled={!canUndo}
        onClick={() => documentStore.getState().undo()}
      >
        Undo
      </button>
      <button
        type="button"
        className="cg-button"
        disabled={!canRedo}
        onClick={() => documentStore.getState().redo()}
      >
        Redo
      </button>
      <span className="cg-canvasbar__sep" aria-hidden="true" />
      <button type="button" className="cg-button" onClick={autoLayout}>
        Auto layout
      </button>
      <button type="button" className="cg-button" onClick={() => void fitView(FIT_ALL)}>
        Fit view
      </button>
      <WorkshopButton doc={doc} />
      <SearchBox ref={search} doc={doc} />
      <button
        type="button"
        className="cg-button"
        aria-label="Keyboard shortcuts"
        onClick={toggleHelp}
      >
        ?
      </button>
      <ShortcutsDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
    </div>
  );
}
