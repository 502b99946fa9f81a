import { ExportControls } from './importExport/ExportControls';
import { ImportControls } from './importExport/ImportControls';
import type { MapInfo } from '../domain/model';
import { libraryStore } from '../store/libraryStore';
import { ActionButton } from './actions/EditorActions';
import { CommitField } from './fields';
import { selectSaveStatus, useSessionStore, type SessionData } from '../store/sessionStore';

type SaveStatus = SessionData['saveStatus'];

function saveText(status: SaveStatus): string {
  switch (status?.state) {
    case undefined:
    case 'saved':
      return 'All changes saved';
    case 'pending':
    case 'saving':
      return 'Saving…';
    case 'error':
      // Short: the storage alert under the toolbar says why and what to do.
      return 'Not saved';
  }
}

function SaveIndicator() {
  const status = useSessionStore(selectSaveStatus);
  return (
    <span
      className={`cg-save${status?.state === 'error' ? ' cg-save--error' : ''}`}
      role="status"
      aria-label="Save status"
      title={status?.state === 'error' ? status.error : undefined}
    >
      {saveText(status)}
    </span>
  );
}

/**
 * The open map's name, edited in place as every field is: Enter or leaving the field renames
 * (one undo step, as a rename from the library), Escape keeps what was typed and leaves.
 */
function MapName({ map }: { map: MapInfo }) {
  return (
    <CommitField
      key={map.id}
      label="Map name"
      hideLabel
      className="cg-toolbar__map"
      value={map.name}
      onCommit={(name) => void libraryStore.getState().renameMap(map.id, name)}
    />
  );
}

/** Top bar: the product, the open map and whether everything is saved. */
export function Toolbar({ map }: { map: MapInfo }) {
  return (
    <header className="cg-toolbar">
      <h1 className="cg-brand">
        <img src="/favicon.svg" alt="" />
        Common Ground
      </h1>
      <ActionButton id="maps" />
      <MapName map={map} />
      <ActionButton id="conflicts" />
      <ActionButton id="alignment" />
      <ActionButton id="health" />
      <div className="cg-toolbar__spacer" />
      <SaveIndicator />
      <ImportControls />
      <ExportControls />
      <ActionButton id="new-map" />
    </header>
  );
}
