import { ExportControls } from './importExport/ExportControls';
import { ImportControls } from './importExport/ImportControls';
import { InsightButtons } from './health/InsightButtons';
import { MapsButton, NewMapButton } from './library/LibraryButtons';
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

/** Top bar: the product, the open map and whether everything is saved. */
export function Toolbar({ mapName }: { mapName: string }) {
  return (
    <header className="cg-toolbar">
      <h1 className="cg-brand">
        <img src="/favicon.svg" alt="" />
        Common Ground
      </h1>
      <MapsButton />
      <span className="cg-toolbar__map">{mapName}</span>
      <InsightButtons />
      <div className="cg-toolbar__spacer" />
      <SaveIndicator />
      <ImportControls />
      <ExportControls />
      <NewMapButton />
    </header>
  );
}
