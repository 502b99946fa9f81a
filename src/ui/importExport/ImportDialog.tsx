import { showReplacedContent } from '../../canvas/exportView';
import type { ImportProblem } from '../../io/problems';
import type { App } from '../../store/app';
import { useApp } from '../../store/appContext';
import { openAsNewMap, replaceCurrentMap } from '../../store/importExport';
import { useImportStep, type ImportStep } from '../../store/importStepStore';
import { closeImport } from '../../store/importSteps';
import type { MapFile } from '../../io/importFile';
import { CsvPreviewDialog } from './CsvPreviewDialog';
import { Dialog } from '../Dialog';
import { ProblemList } from './ProblemList';

/** The replaced content is laid out afresh, as a newly opened map would be. */
async function replaceAndShow(app: App): Promise<void> {
  const replaced = await replaceCurrentMap(app);
  if (replaced) showReplacedContent(app, replaced.before, replaced.after);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function MapChoice({ fileName, file }: { readonly fileName: string; readonly file: MapFile }) {
  const app = useApp();
  const close = () => closeImport(app);
  const { doc, warnings } = file;
  return (
    <Dialog title={`Import "${doc.map.name}"`} onClose={close}>
      <p>
        {`${fileName} holds ${plural(doc.goals.length, 'goal')}, ${plural(doc.stakeholders.length, 'stakeholder')} and ${plural(doc.conflicts.length, 'conflict')}.`}
      </p>
      {warnings.length > 0 && (
        <details>
          <summary>{`${plural(warnings.length, 'note')} on the file`}</summary>
          <ProblemList fileName={fileName} problems={warnings} />
        </details>
      )}
      <div className="cg-modal__actions">
        <button
          type="button"
          className="cg-button cg-button--primary"
          autoFocus
          onClick={() => void openAsNewMap(app)}
        >
          Open as new map
        </button>
        <button type="button" className="cg-button" onClick={() => void replaceAndShow(app)}>
          Replace the current map
        </button>
        <button type="button" className="cg-button" onClick={close}>
          Cancel
        </button>
      </div>
      <p className="cg-modal__hint">Replacing can be undone with Undo.</p>
    </Dialog>
  );
}

function ImportProblems({
  fileName,
  problems,
}: {
  readonly fileName: string;
  readonly problems: readonly ImportProblem[];
}) {
  const app = useApp();
  const close = () => closeImport(app);
  return (
    <Dialog title={`Could not import ${fileName}`} role="alertdialog" onClose={close}>
      <ProblemList fileName={fileName} problems={problems} />
      <p>Nothing was changed.</p>
      <div className="cg-modal__actions">
        <button type="button" className="cg-button cg-button--primary" autoFocus onClick={close}>
          Close
        </button>
      </div>
    </Dialog>
  );
}

function Busy({ text }: { readonly text: string }) {
  const app = useApp();
  return (
    <Dialog title="Import" onClose={() => closeImport(app)}>
      <p role="status">{text}</p>
    </Dialog>
  );
}

function StepView({ state }: { readonly state: ImportStep }) {
  switch (state.step) {
    case 'idle':
      return null;
    case 'reading':
      return <Busy text={`Reading ${state.fileName}…`} />;
    case 'storing':
      return <Busy text={`Storing ${state.fileName}…`} />;
    case 'choose':
      return <MapChoice fileName={state.fileName} file={state.file} />;
    case 'csv':
      return <CsvPreviewDialog fileName={state.fileName} csv={state.csv} />;
    case 'failed':
      return <ImportProblems fileName={state.fileName} problems={state.problems} />;
  }
}

/** Whatever the running import needs from the user, as one modal at a time. */
export function ImportDialog() {
  const state = useImportStep((s) => s);
  return <StepView state={state} />;
}
