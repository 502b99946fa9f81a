import { memo, useEffect, useRef, useState } from 'react';
import { formatProblem } from '../../io/json';
import { libraryStore, type LibraryEntry } from '../../store/libraryStore';
import { describeCounts, describeEdited, formatEditedAt } from './describeMap';
import { RenameField } from './RenameField';

const library = () => libraryStore.getState();

function MapDetails({
  entry,
  isOpen,
  nowMs,
}: {
  entry: LibraryEntry;
  isOpen: boolean;
  nowMs: number;
}) {
  const { summary, problems } = entry;
  const problem = problems[0];
  return (
    <div className="cg-maprow__text">
      <div className="cg-maprow__name">
        {summary.name}
        {isOpen && <span className="cg-maprow__badge">Open now</span>}
      </div>
      {problem ? (
        <div className="cg-maprow__meta cg-maprow__meta--problem">
          Can’t be opened: {formatProblem(problem)}
        </div>
      ) : (
        <div className="cg-maprow__meta">
          <time dateTime={summary.updatedAt} title={formatEditedAt(summary.updatedAt)}>
            {describeEdited(summary.updatedAt, nowMs)}
          </time>
          {' · '}
          {describeCounts(summary.counts)}
        </div>
      )}
    </div>
  );
}

/** One map in the library: what it is, and what can be done with it. */
export const MapRow = memo(function MapRow({
  entry,
  isOpen,
  nowMs,
}: {
  entry: LibraryEntry;
  isOpen: boolean;
  nowMs: number;
}) {
  const { id, name } = entry.summary;
  const [renaming, setRenaming] = useState(false);
  const renameButton = useRef<HTMLButtonElement>(null);
  // After a rename, keyboard focus goes back where it was instead of to the top of the page.
  const refocus = useRef(false);
  useEffect(() => {
    if (renaming || !refocus.current) return;
    refocus.current = false;
    renameButton.current?.focus();
  }, [renaming]);
  const broken = entry.problems.length > 0;
  return (
    <li className={`cg-maprow${isOpen ? ' cg-maprow--open' : ''}`}>
      {renaming ? (
        <RenameField
          name={name}
          onSave={(next) => void library().renameMap(id, next)}
          onDone={() => {
            refocus.current = true;
            setRenaming(false);
          }}
        />
      ) : (
        <MapDetails entry={entry} isOpen={isOpen} nowMs={nowMs} />
      )}
      <div className="cg-maprow__actions">
        {!broken && (
          <>
            <button
              type="button"
              className="cg-maprow__action cg-maprow__action--open"
              aria-label={`Open ${name}`}
              onClick={() => void library().openMap(id)}
            >
              Open
            </button>
            <button
              ref={renameButton}
              type="button"
              className="cg-maprow__action"
              aria-label={`Rename ${name}`}
              disabled={renaming}
              onClick={() => setRenaming(true)}
            >
              Rename
            </button>
            <button
              type="button"
              className="cg-maprow__action"
              aria-label={`Duplicate ${name}`}
              onClick={() => void library().duplicateMap(id)}
            >
              Duplicate
            </button>
          </>
        )}
        <button
          type="button"
          className="cg-maprow__action cg-maprow__action--delete"
          aria-label={`Delete ${name}`}
          onClick={() => void library().deleteMap(id)}
        >
          Delete
        </button>
      </div>
    </li>
  );
});
