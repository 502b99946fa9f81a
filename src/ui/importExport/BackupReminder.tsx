import { useEffect, useId } from 'react';
import './importExport.css';
import type { MapId } from '../../domain/ids';
import { refreshBackupReminder, remindLater, useBackupReminder } from '../../store/backupStore';
import { documentStore } from '../../store/documentStore';
import { selectSaveStatus, useSessionStore } from '../../store/sessionStore';
import { downloadTextFormat, reportExportFailure } from './exportText';

const WHY =
  'This map is stored only in this browser. Export it as a JSON file to keep a copy you can open again anywhere.';

/** Asks the store again whenever a save completes: a save may have started a new sitting. */
function useRefreshAfterSaves(mapId: MapId): void {
  const saveStatus = useSessionStore(selectSaveStatus);
  useEffect(() => {
    if (saveStatus === null || saveStatus.state === 'saved') void refreshBackupReminder(mapId);
  }, [mapId, saveStatus]);
}

function exportOpenMap(): void {
  const doc = documentStore.getState().doc;
  if (doc) downloadTextFormat('JSON', doc).catch(reportExportFailure);
}

/**
 * A quiet line in the toolbar for a map the user has worked on but never exported (see
 * needsBackupReminder): one click exports it, "Not now" puts it off for a week.
 */
export function BackupReminder({ mapId }: { mapId: MapId }) {
  useRefreshAfterSaves(mapId);
  const remind = useBackupReminder(mapId);
  const whyId = useId();
  if (!remind) return null;
  return (
    <div className="cg-backup" role="group" aria-label="Backup reminder" aria-describedby={whyId}>
      <span className="cg-backup__text" title={WHY}>
        Never backed up
      </span>
      <span id={whyId} hidden>
        {WHY}
      </span>
      <button type="button" className="cg-button cg-backup__export" onClick={exportOpenMap}>
        Export JSON
      </button>
      <button type="button" className="cg-backup__later" onClick={() => void remindLater(mapId)}>
        Not now
      </button>
    </div>
  );
}
