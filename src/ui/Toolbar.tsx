import type { MapId } from '../domain/ids';
import { BackupReminder } from './importExport/BackupReminder';
import { ExportControls } from './importExport/ExportControls';
import { HistoryButton } from './history/HistoryButton';
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

/** Top bar: the product, the open map, whether everything is saved and whether it is backed up. */
export function Toolbar({ mapName, mapId }: { mapName: string; mapId: MapId }) {
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
      <HistoryButton />
      <BackupReminder mapId={mapId} />
      <ImportControls />
      <ExportControls />
      <NewMapButton />
    </header>
  );
}
