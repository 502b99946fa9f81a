import { useApp } from '../../store/appContext';
import type { App } from '../../store/app';
import { Suspense, useEffect, useRef, useState } from 'react';
import { useImportStep } from '../../store/importStepStore';
import { closeImport, startImport } from '../../store/importSteps';
import './importExport.css';
import { lazyPart } from '../lazyPart';
import { carriesFiles, takeOverDrops } from './earlyDrop';

// The dialogs (and the CSV preview's planner) load with the first import, not the first screen.
const ImportDialog = lazyPart(async () => (await import('./ImportDialog')).ImportDialog, {
  onUnavailable: closeImport,
});

const ACCEPTED = '.json,.png,.csv,application/json,image/png,text/csv';

/**
 * Whether files are being dragged over the window. dragenter/dragleave fire for every child
 * element crossed, so a counter (not a flag) tells when the drag really left the window.
 */
function useFileDrag(onDrop: (file: File) => void): boolean {
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    let depth = 0;
    const enter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth++;
      setDragging(true);
    };
    const over = (event: DragEvent) => {
      // Without this the browser opens the dropped file in place of the app.
      if (carriesFiles(event)) event.preventDefault();
    };
    const leave = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const drop = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setDragging(false);
      const file = event.dataTransfer?.files[0];
      if (file) onDrop(file);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [onDrop]);
  return dragging;
}

const importFile = (app: App, file: File): void => void startImport(app, file);

/**
 * The Import button, dropping a file anywhere on the window, and the dialogs that follow. JSON,
 * PNG and CSV are told apart by content, so a misnamed file still opens.
 */
export function ImportControls() {
  const app = useApp();
  const input = useRef<HTMLInputElement>(null);
  const dragging = useFileDrag((file) => importFile(app, file));
  useEffect(() => {
    const droppedEarlier = takeOverDrops();
    if (droppedEarlier) importFile(app, droppedEarlier);
  }, [app]);
  const importing = useImportStep((s) => s.step !== 'idle');
  return (
    <>
      <button type="button" className="cg-button" onClick={() => input.current?.click()}>
        Import
      </button>
      <input
        ref={input}
        type="file"
        accept={ACCEPTED}
        hidden
        aria-label="Import file"
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          // Cleared so that picking the same file again (after fixing it) fires a change.
          event.currentTarget.value = '';
          if (file) importFile(app, file);
        }}
      />
      {dragging && (
        <div className="cg-drop" aria-hidden="true">
          <div className="cg-drop__card">
            <strong>Drop to import</strong>
            <span>
              A Common Ground JSON file, a PNG exported from Common Ground, or a CSV of goals
            </span>
          </div>
        </div>
      )}
      {importing && (
        <Suspense fallback={null}>
          <ImportDialog />
        </Suspense>
      )}
    </>
  );
}
