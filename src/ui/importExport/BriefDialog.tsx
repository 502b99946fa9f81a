import { useApp } from '../../store/appContext';
import type { App } from '../../store/app';
import { useId, useMemo, useState } from 'react';
import type { ConflictId } from '../../domain/ids';
import type { MapDocument } from '../../domain/model';
import { buildConflictBrief } from '../../io/brief';
import { BriefPrintView } from './BriefPrintView';
import { downloadText, fileNameFor } from './download';
import { Dialog } from '../Dialog';
import '../fields.css';

/** The open conflict's brief by default, else the first conflict's. */
function initialConflict(app: App, doc: MapDocument): ConflictId | null {
  const open = app.sessionStore.getState().openConflictId;
  return doc.conflicts.find((c) => c.id === open)?.id ?? doc.conflicts[0]?.id ?? null;
}

function NoConflicts({ onClose }: { readonly onClose: () => void }) {
  return (
    <Dialog title="Conflict brief" onClose={onClose}>
      <p>This map has no conflicts yet. Add one in the Conflicts panel to write its brief.</p>
      <div className="cg-modal__actions">
        <button type="button" className="cg-button" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}

function ConflictPicker({
  doc,
  value,
  onChange,
}: {
  readonly doc: MapDocument;
  readonly value: ConflictId;
  readonly onChange: (id: ConflictId) => void;
}) {
  const selectId = useId();
  return (
    <div className="cg-field">
      <label htmlFor={selectId}>Conflict</label>
      <select
        id={selectId}
        value={value}
        onChange={(event) => {
          const picked = doc.conflicts.find((c) => c.id === event.currentTarget.value);
          if (picked) onChange(picked.id);
        }}
      >
        {doc.conflicts.map((c) => (
          <option key={c.id} value={c.id}>
            {c.title}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * Pick a conflict, then download its brief as Markdown or open a print view for a PDF. Loaded on
 * demand with the brief builder.
 */
export function BriefDialog({
  doc,
  onClose,
}: {
  readonly doc: MapDocument;
  readonly onClose: () => void;
}) {
  const app = useApp();
  const [conflictId, setConflictId] = useState(() => initialConflict(app, doc));
  const [printing, setPrinting] = useState(false);
  const conflict = doc.conflicts.find((c) => c.id === conflictId);
  const markdown = useMemo(
    () => (conflict ? buildConflictBrief(doc, conflict.id) : ''),
    [doc, conflict],
  );

  if (printing && conflict) return <BriefPrintView markdown={markdown} onClose={onClose} />;
  if (!conflict) return <NoConflicts onClose={onClose} />;
  const download = () => {
    const name = fileNameFor(`${doc.map.name} - ${conflict.title}`, 'md');
    downloadText(markdown, name, 'text/markdown');
    onClose();
  };
  return (
    <Dialog title="Conflict brief" onClose={onClose}>
      <ConflictPicker doc={doc} value={conflict.id} onChange={setConflictId} />
      <p className="cg-modal__hint">
        The parties, what each is measured and rewarded on, their paths to the nearest common goal,
        their perspectives, the agreed goal and talking points.
      </p>
      <div className="cg-modal__actions">
        <button type="button" className="cg-button cg-button--primary" onClick={download}>
          Download Markdown
        </button>
        <button type="button" className="cg-button" onClick={() => setPrinting(true)}>
          Print view
        </button>
        <button type="button" className="cg-button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}
