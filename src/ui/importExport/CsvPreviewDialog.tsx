import { useId, useMemo, useState } from 'react';
import type { ParsedGoalCsv } from '../../io/csv';
import { useApp } from '../../store/appContext';
import { previewCsv, type RowAction, type RowPreview } from '../../store/csvPreview';
import { selectDoc, useDocumentStore } from '../../store/documentStore';
import { importCsvAsNewMap, updateCurrentMapFromCsv } from '../../store/importExport';
import { closeImport } from '../../store/importSteps';
import { Dialog } from '../Dialog';
import { ProblemList } from './ProblemList';

type Target = 'new' | 'current';

/** Enough rows to check a file by eye; the counts above the table cover the rest. */
const MAX_ROWS_SHOWN = 200;

const ACTION_TEXT: Readonly<Record<RowAction, string>> = {
  create: 'Create',
  update: 'Update',
  unchanged: 'No change',
};

function summary(rows: readonly RowPreview[]): string {
  const count = (action: RowAction) => rows.filter((r) => r.action === action).length;
  return `${rows.length} goal rows: ${count('create')} to create, ${count('update')} to update, ${count('unchanged')} unchanged.`;
}

function RowTable({ rows }: { readonly rows: readonly RowPreview[] }) {
  const shown = rows.slice(0, MAX_ROWS_SHOWN);
  return (
    <div className="cg-csv__table">
      <table>
        <caption>Rows</caption>
        <thead>
          <tr>
            <th scope="col">Row</th>
            <th scope="col">Id</th>
            <th scope="col">Title</th>
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((r) => (
            <tr key={r.row}>
              <td>{r.row}</td>
              <td>{r.id}</td>
              <td>{r.title}</td>
              <td>{ACTION_TEXT[r.action]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > shown.length && <p>{`…and ${rows.length - shown.length} more rows`}</p>}
    </div>
  );
}

function TargetChoice({
  target,
  onChange,
  mapName,
}: {
  readonly target: Target;
  readonly onChange: (target: Target) => void;
  /** The open map's name; null when no map is open to update. */
  readonly mapName: string | null;
}) {
  const name = useId();
  return (
    <fieldset>
      <legend>Import into</legend>
      <label>
        <input
          type="radio"
          name={name}
          checked={target === 'new'}
          onChange={() => onChange('new')}
        />
        A new map
      </label>
      <label>
        <input
          type="radio"
          name={name}
          checked={target === 'current'}
          disabled={mapName === null}
          onChange={() => onChange('current')}
        />
        {`The current map${mapName === null ? '' : ` (${mapName})`}: update goals by id`}
      </label>
    </fieldset>
  );
}

/**
 * What a CSV of goals would create or update, row by row, and every problem with its row and
 * column, before anything is created. Import stays disabled until the file has no problem.
 */
export function CsvPreviewDialog({
  fileName,
  csv,
}: {
  readonly fileName: string;
  readonly csv: ParsedGoalCsv;
}) {
  const app = useApp();
  const doc = useDocumentStore(selectDoc);
  const [target, setTarget] = useState<Target>('new');
  const preview = useMemo(
    () => previewCsv(csv, target === 'current' ? doc : null, app.clock()),
    [app, csv, target, doc],
  );
  const onImport = () => {
    if (target === 'new') void importCsvAsNewMap(app);
    else updateCurrentMapFromCsv(app);
  };
  const close = () => closeImport(app);
  return (
    <Dialog title={`Import goals from ${fileName}`} onClose={close} wide>
      <TargetChoice target={target} onChange={setTarget} mapName={doc?.map.name ?? null} />
      <p>{summary(preview.rows)}</p>
      {preview.problems.length > 0 && (
        <section aria-label="Problems">
          <h3 className="cg-csv__heading">{`${preview.problems.length} problems`}</h3>
          <ProblemList fileName={fileName} problems={preview.problems} />
          <p>Fix these rows in your spreadsheet and import the file again. Nothing was created.</p>
        </section>
      )}
      <RowTable rows={preview.rows} />
      <div className="cg-modal__actions">
        <button
          type="button"
          className="cg-button cg-button--primary"
          disabled={preview.plan === null}
          onClick={onImport}
        >
          Import
        </button>
        <button type="button" className="cg-button" onClick={close}>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}
