import { useApp } from '../../store/appContext';
import type { App } from '../../store/app';
import { memo, useEffect, useRef, useState, type ComponentProps, type RefObject } from 'react';
import { formatProblem } from '../../io/json';
import type { LibraryEntry } from '../../store/libraryTypes';
import { reportFailure } from '../reportFailure';
import { downloadText, fileNameFor } from '../importExport/download';
import { describeCounts, describeEdited, describeExported, formatEditedAt } from './describeMap';
import { RenameField } from './RenameField';

const library = (app: App) => app.libraryStore.getState();

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
          {' · '}
          <span className={summary.exportedAt ? undefined : 'cg-maprow__unsaved'}>
            {describeExported(summary.exportedAt, nowMs)}
          </span>
        </div>
      )}
    </div>
  );
}

/** "Rename" on screen; "Rename Pricing review" to a screen reader, which hears many rows. */
function RowAction({
  verb,
  mapName,
  modifier,
  ...button
}: {
  verb: string;
  mapName: string;
  modifier?: 'open' | 'delete';
} & Pick<ComponentProps<'button'>, 'ref' | 'disabled' | 'onClick'>) {
  return (
    <button
      type="button"
      className={`cg-maprow__action${modifier ? ` cg-maprow__action--${modifier}` : ''}`}
      aria-label={`${verb} ${mapName}`}
      {...button}
    >
      {verb}
    </button>
  );
}

/**
 * A stored map that fails validation, as it is on disk, to a file: someone (or a later version of
 * the app) may be able to repair what this version cannot read.
 */
async function exportRaw(app: App, entry: LibraryEntry): Promise<void> {
  const raw = await library(app).readRawMap(entry.summary.id);
  const text = JSON.stringify(raw, null, 2);
  downloadText(text, fileNameFor(`${entry.summary.name} (as stored)`, 'json'), 'application/json');
}

/**
 * A map that fails validation can only be exported as it is or deleted: opening, renaming or
 * copying it would fail.
 */
function MapActions({
  entry,
  renaming,
  renameButton,
  onRename,
}: {
  entry: LibraryEntry;
  renaming: boolean;
  renameButton: RefObject<HTMLButtonElement | null>;
  onRename: () => void;
}) {
  const app = useApp();
  const { id, name } = entry.summary;
  const broken = entry.problems.length > 0;
  return (
    <div className="cg-maprow__actions">
      {!broken && (
        <>
          <RowAction
            verb="Open"
            mapName={name}
            modifier="open"
            onClick={() => void library(app).openMap(id)}
          />
          <RowAction
            verb="Rename"
            mapName={name}
            ref={renameButton}
            disabled={renaming}
            onClick={onRename}
          />
          <RowAction
            verb="Duplicate"
            mapName={name}
            onClick={() => void library(app).duplicateMap(id)}
          />
        </>
      )}
      {broken && (
        <RowAction
          verb="Export raw JSON"
          mapName={name}
          onClick={() => {
            exportRaw(app, entry).catch((error: unknown) => {
              reportFailure(app, 'Could not export', error);
            });
          }}
        />
      )}
      <RowAction
        verb="Delete"
        mapName={name}
        modifier="delete"
        onClick={() => void library(app).deleteMap(id)}
      />
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
  const app = useApp();
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
  return (
    <li className={`cg-maprow${isOpen ? ' cg-maprow--open' : ''}`}>
      {renaming ? (
        <RenameField
          name={name}
          onSave={(next) => void library(app).renameMap(id, next)}
          onDone={() => {
            refocus.current = true;
            setRenaming(false);
          }}
        />
      ) : (
        <MapDetails entry={entry} isOpen={isOpen} nowMs={nowMs} />
      )}
      <MapActions
        entry={entry}
        renaming={renaming}
        renameButton={renameButton}
        onRename={() => setRenaming(true)}
      />
    </li>
  );
});
