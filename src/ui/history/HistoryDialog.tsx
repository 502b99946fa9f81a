import { useEffect, useState } from 'react';
import { showReplacedContent } from '../../canvas/exportView';
import type { MapDocument } from '../../domain/model';
import { useApp } from '../../store/appContext';
import { formatProblem } from '../../io/problems';
import { selectDoc, useDocumentStore } from '../../store/documentStore';
import { useHistory, type HistoryData, type HistoryEntry } from '../../store/historyData';
import { loadHistory, restoreSnapshot, type RestoreOutcome } from '../../store/historyStore';
import { Dialog } from '../Dialog';
import { describeAgo, describeCounts, formatEditedAt } from '../library/describeMap';
import { describeSize } from '../describeSize';
import { describeReason } from './historyText';
import { VersionPreview } from './VersionPreview';
import './history.css';

const whenOf = (entry: HistoryEntry): string => formatEditedAt(entry.snapshot.savedAt);

/** What went wrong with a restore, said inside the dialog (the notice bar is behind it). */
function refusal(outcome: Exclude<RestoreOutcome, { status: 'restored' }>): string {
  switch (outcome.status) {
    case 'unchanged':
      return 'This version has the same content as the open map: there is nothing to restore.';
    case 'damaged':
      return 'This version is damaged and cannot be restored.';
    case 'failed':
      return `Nothing was restored, because a copy of the open map could not be kept first: ${outcome.reason}`;
  }
}

function VersionRow({
  entry,
  nowMs,
  previewed,
  onPreview,
  onRestore,
}: {
  entry: HistoryEntry;
  nowMs: number;
  previewed: boolean;
  onPreview: () => void;
  onRestore: () => void;
}) {
  const { snapshot, check } = entry;
  const when = whenOf(entry);
  const damage = check.state === 'damaged' ? check.problems[0] : undefined;
  return (
    <li className={`cg-version${previewed ? ' cg-version--previewed' : ''}`}>
      <div className="cg-version__when">
        <time dateTime={snapshot.savedAt}>{when}</time>
        <span className="cg-version__ago">{describeAgo(snapshot.savedAt, nowMs)}</span>
      </div>
      <div className="cg-version__meta">{describeReason(snapshot.reason)}</div>
      <div className="cg-version__meta">
        {`${describeCounts(snapshot.counts)} · ${describeSize(snapshot.bytes)}`}
      </div>
      {check.state === 'damaged' && (
        <div className="cg-version__damaged">
          {`Damaged, cannot be restored${damage ? `: ${formatProblem(damage)}` : ''}`}
        </div>
      )}
      <div className="cg-version__actions">
        <button
          type="button"
          className="cg-button"
          aria-label={`Preview the version of ${when}`}
          aria-pressed={previewed}
          onClick={onPreview}
        >
          Preview
        </button>
        <button
          type="button"
          className="cg-button"
          aria-label={`Restore the version of ${when}`}
          disabled={check.state !== 'readable'}
          onClick={onRestore}
        >
          Restore
        </button>
      </div>
    </li>
  );
}

function VersionList({
  history,
  nowMs,
  previewId,
  onPreview,
  onRestore,
}: {
  history: HistoryData;
  nowMs: number;
  previewId: number | null;
  onPreview: (entry: HistoryEntry) => void;
  onRestore: (entry: HistoryEntry) => void;
}) {
  if (history.failure)
    return <p role="alert">{`Could not read the history: ${history.failure}`}</p>;
  if (!history.entries) return <p role="status">Reading the history…</p>;
  if (history.entries.length === 0) {
    return (
      <p className="cg-history__empty">
        No earlier versions yet. One is kept each time you come back to this map after a pause of 10
        minutes or more, and before a restore or an import replaces its content.
      </p>
    );
  }
  return (
    <ol className="cg-history__list" aria-label="Earlier versions">
      {history.entries.map((entry) => (
        <VersionRow
          key={entry.snapshot.id}
          entry={entry}
          nowMs={nowMs}
          previewed={entry.snapshot.id === previewId}
          onPreview={() => onPreview(entry)}
          onRestore={() => onRestore(entry)}
        />
      ))}
    </ol>
  );
}

/** Restores a version; on success the dialog closes onto the restored map and a notice says how to go back. */
function useRestore(onClose: () => void) {
  const app = useApp();
  const [message, setMessage] = useState<string | null>(null);
  const restore = (entry: HistoryEntry) => {
    setMessage(null);
    restoreSnapshot(app, entry.snapshot.id).then(
      (outcome) => {
        if (outcome.status !== 'restored') {
          setMessage(refusal(outcome));
          return;
        }
        showReplacedContent(app, outcome.replaced.before, outcome.replaced.after);
        app.sessionStore.getState().showNotice({
          kind: 'info',
          text: `Restored the version of ${whenOf(entry)}. Undo (Ctrl+Z) brings back what you had, and History keeps a copy of it.`,
        });
        onClose();
      },
      (error: unknown) => {
        setMessage(refusal({ status: 'failed', reason: String(error) }));
      },
    );
  };
  return { message, restore };
}

function HistoryContent({ doc, onClose }: { doc: MapDocument; onClose: () => void }) {
  const app = useApp();
  const mapId = doc.map.id;
  useEffect(() => {
    void loadHistory(app, mapId);
  }, [app, mapId]);
  const history = useHistory((s) => s);
  // Fixed while the dialog is open, so "5 minutes ago" does not tick under the reader.
  const [nowMs] = useState(() => Date.now());
  const [previewed, setPreviewed] = useState<HistoryEntry | null>(null);
  const { message, restore } = useRestore(onClose);
  const listed = history.mapId === mapId ? history : { ...history, entries: null };
  return (
    <>
      <div className="cg-history">
        <VersionList
          history={listed}
          nowMs={nowMs}
          previewId={previewed?.snapshot.id ?? null}
          onPreview={setPreviewed}
          onRestore={restore}
        />
        <section className="cg-history__preview" aria-label="Preview">
          {previewed ? (
            <VersionPreview
              key={previewed.snapshot.id}
              id={previewed.snapshot.id}
              when={whenOf(previewed)}
              current={doc}
            />
          ) : (
            <p className="cg-history__empty">
              Preview shows a version as it was and what changed since; Restore brings it back as
              one step you can undo.
            </p>
          )}
        </section>
      </div>
      {message && <p role="alert">{message}</p>}
    </>
  );
}

/** The open map's earlier versions: when, what they held, a preview, and a way back to each. */
export function HistoryDialog({ onClose }: { onClose: () => void }) {
  const doc = useDocumentStore(selectDoc);
  if (!doc) return null;
  return (
    <Dialog title={`History of “${doc.map.name}”`} wide onClose={onClose}>
      <HistoryContent doc={doc} onClose={onClose} />
      <div className="cg-modal__actions">
        <button type="button" className="cg-button" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
