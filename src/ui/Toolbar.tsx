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
      return `Not saved: ${status.error}`;
  }
}

function SaveIndicator() {
  const status = useSessionStore(selectSaveStatus);
  return (
    <span
      className={`cg-save${status?.state === 'error' ? ' cg-save--error' : ''}`}
      role="status"
      aria-label="Save status"
    >
      {saveText(status)}
    </span>
  );
}

/** Top bar: the product, the open map and whether everything is saved. */
export function Toolbar({ mapName }: { mapName: string }) {
  return (
    <header className="cg-toolbar">
      <div className="cg-brand">
        <img src="/favicon.svg" alt="" />
        Common Ground
      </div>
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
