import { useApp } from '../../store/appContext';
import type { App } from '../../store/app';
import { useEffect } from 'react';
import './importExport.css';
import type { MapId } from '../../domain/ids';
import { refreshBackupReminder, remindLater, useBackupReminder } from '../../store/backupStore';
import { selectSaveStatus, useSessionStore } from '../../store/sessionStore';
import { downloadTextFormat, reportExportFailure } from './exportText';

const WHY =
  'This map is stored only in this browser. Export it as a JSON file to keep a copy you can open again anywhere.';

/** Asks the store again whenever a save completes: a save may have started a new sitting. */
function useRefreshAfterSaves(mapId: MapId): void {
  const app = useApp();
  const saveStatus = useSessionStore(selectSaveStatus);
  useEffect(() => {
    if (saveStatus === null || saveStatus.state === 'saved') void refreshBackupReminder(app, mapId);
  }, [mapId, saveStatus, app]);
}

function exportOpenMap(app: App): void {
  const doc = app.documentStore.getState().doc;
  if (doc)
    downloadTextFormat(app, 'JSON', doc).catch((error: unknown) => reportExportFailure(app, error));
}

/**
 * A calm card at the top of the side panel for a map the user has worked on but never exported
 * (see needsBackupReminder): it says why a copy matters, one click exports it, and "Not now"
 * puts it off for a week.
 */
export function BackupReminder({ mapId }: { mapId: MapId }) {
  const app = useApp();
  useRefreshAfterSaves(mapId);
  const remind = useBackupReminder(mapId);
  if (!remind) return null;
  return (
    <section className="cg-backup" aria-label="Backup reminder">
      <p className="cg-backup__title">Never backed up</p>
      <p className="cg-backup__text">{WHY}</p>
      <div className="cg-backup__actions">
        <button type="button" className="cg-button" onClick={() => exportOpenMap(app)}>
          Export JSON
        </button>
        <button
          type="button"
          className="cg-backup__later"
          onClick={() => void remindLater(app, mapId)}
        >
          Not now
        </button>
      </div>
    </section>
  );
}
