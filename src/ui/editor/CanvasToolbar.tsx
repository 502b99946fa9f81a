import { Suspense, useCallback, useRef, useState } from 'react';
import { useReactFlow } from '@xyflow/react';
import { FIT_ALL } from '../../canvas/fitOptions';
import { positionsStore } from '../../canvas/positionsStore';
import type { MapDocument } from '../../domain/model';
import {
  documentStore,
  selectCanRedo,
  selectCanUndo,
  useDocumentHistory,
} from '../../store/documentStore';
import { lazyPart } from '../lazyPart';
import { HistoryButton } from '../history/HistoryButton';
import { WorkshopButton } from '../workshop/WorkshopButton';
import { addGoalAndName, addStakeholderAndName } from './addAndName';
import { SearchBox } from './SearchBox';
import { useShortcuts } from './useShortcuts';

const ShortcutsDialog = lazyPart(async () => (await import('./ShortcutsDialog')).ShortcutsDialog, {
  whenIdle: true,
});

/** Re-runs auto layout for the whole map: pinned goals are released (one undoable edit). */
function autoLayout(): void {
  positionsStore.getState().requestLayout({ releasePins: true });
}

/** The editing tools above the canvas: add, undo/redo and history, layout, fit, search, shortcuts. */
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
        onClick={() => addGoalAndName(doc)}
      >
        Add goal
      </button>
      <button type="button" className="cg-button" onClick={addStakeholderAndName}>
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
      <HistoryButton />
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
      {helpOpen && (
        <Suspense fallback={null}>
          <ShortcutsDialog onClose={() => setHelpOpen(false)} />
        </Suspense>
      )}
    </div>
  );
}
