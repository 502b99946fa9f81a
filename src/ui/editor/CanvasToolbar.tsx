import { Suspense, useCallback, useRef, useState } from 'react';
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
import { whenGoalInspectorLoaded } from '../inspector/Inspector';
import { lazyPart } from '../lazyPart';
import { HistoryButton } from '../history/HistoryButton';
import { WorkshopButton } from '../workshop/WorkshopButton';
import { SearchBox } from './SearchBox';
import { useShortcuts } from './useShortcuts';

const ShortcutsDialog = lazyPart(async () => (await import('./ShortcutsDialog')).ShortcutsDialog, {
  whenIdle: true,
});

/** Re-runs auto layout for the whole map: pinned goals are released (one undoable edit). */
function autoLayout(): void {
  positionsStore.getState().requestLayout({ releasePins: true });
}

/** Frames to wait for the goal's details to appear once their code is there (about a second). */
const TITLE_FRAMES = 60;

/** Selects the Title field of a goal just added, so typing names it. */
function focusTitleSoon(): void {
  // The goal's details load on demand: wait for their code, then for React to show them.
  void whenGoalInspectorLoaded().then(() => {
    requestAnimationFrame(() => focusTitle(TITLE_FRAMES));
  });
}

function focusTitle(framesLeft: number): void {
  const title = document.querySelector<HTMLInputElement>('[aria-label="Goal details"] input');
  if (title) {
    title.focus();
    title.select();
  } else if (framesLeft > 0) {
    requestAnimationFrame(() => focusTitle(framesLeft - 1));
  }
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
