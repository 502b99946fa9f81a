import { useApp } from '../../store/appContext';
import type { App } from '../../store/app';
import type { ReactNode } from 'react';
import type { MapDocument } from '../../domain/model';
import {
  selectStorageAlert,
  useSessionStore,
  type StorageAlert as Alert,
} from '../../store/sessionStore';
import { downloadTextFormat, reportExportFailure } from '../importExport/exportText';
import './storage.css';

const library = (app: App) => app.libraryStore.getState();

/** The map as this tab has it, to a file (a backup like any JSON export): the way out whatever went wrong. */
const exportNow = (app: App, doc: MapDocument): void => {
  downloadTextFormat(app, 'JSON', doc).catch((error: unknown) => reportExportFailure(app, error));
};

function Action({
  primary,
  onClick,
  children,
}: {
  primary?: boolean;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className={`cg-button${primary ? ' cg-button--primary' : ''}`}
      onClick={onClick}
    >
      {children}
    </button>
  );
}

function ExportNow({ doc, primary }: { doc: MapDocument; primary?: boolean }) {
  const app = useApp();
  return (
    <Action primary={primary} onClick={() => exportNow(app, doc)}>
      Export JSON now
    </Action>
  );
}

const reload = () => {
  window.location.reload();
};

/** What to say and offer for each kind of alert. */
function AlertBody({ alert, doc }: { alert: Alert; doc: MapDocument }) {
  const app = useApp();
  const name = `“${doc.map.name}”`;
  switch (alert.kind) {
    case 'write-failed':
      return (
        <>
          <p>
            {alert.quota
              ? `The browser has no storage space left, so the latest changes to ${name} are only in this tab. Export a copy now, then make room (delete maps you no longer need).`
              : `${alert.message} The latest changes to ${name} are only in this tab; it keeps trying to save them.`}
          </p>
          <ExportNow doc={doc} primary />
          <Action
            onClick={() => {
              // A failure is reported by the save status and this alert, which stays.
              library(app)
                .flush()
                .catch(() => undefined);
            }}
          >
            Retry now
          </Action>
        </>
      );
    case 'deleted-elsewhere':
      return (
        <>
          <p>{`${name} was deleted in another tab. This tab no longer saves it.`}</p>
          <Action primary onClick={() => void library(app).restoreOpenMap()}>
            Restore this map
          </Action>
          <ExportNow doc={doc} />
          <Action onClick={() => void library(app).showLibrary()}>Go to Maps</Action>
        </>
      );
    case 'upgraded-elsewhere':
      return (
        <>
          <p>
            {alert.saved
              ? 'A newer version of Common Ground opened in another tab. Everything up to now is saved; reload this tab to go on.'
              : 'A newer version of Common Ground opened in another tab, and the latest changes here could not be saved. Export them before you reload.'}
          </p>
          {!alert.saved && <ExportNow doc={doc} primary />}
          <Action primary={alert.saved} onClick={reload}>
            Reload
          </Action>
        </>
      );
    case 'diverged':
      return (
        <>
          <p>{`${alert.message} Choose which version of ${name} to keep; nothing is saved until you do.`}</p>
          <Action primary onClick={() => library(app).keepThisVersion()}>
            Keep this tab’s version
          </Action>
          <Action onClick={() => library(app).takeOtherVersion()}>
            Use the other tab’s version
          </Action>
          <ExportNow doc={doc} />
        </>
      );
    case 'unreadable-elsewhere':
      return (
        <>
          <p>{`${alert.message} This tab no longer saves ${name}, so the stored version stays as it is.`}</p>
          <ExportNow doc={doc} primary />
        </>
      );
  }
}

/**
 * A storage problem of the open map, above the canvas, until it is resolved. Never a toast: the
 * user must see that their latest work is only in this tab, and have the way out at hand.
 */
export function StorageAlert({ doc }: { doc: MapDocument }) {
  const alert = useSessionStore(selectStorageAlert);
  if (!alert) return null;
  return (
    <div className="cg-storage-alert" role="alert" aria-label="Storage problem">
      <AlertBody alert={alert} doc={doc} />
    </div>
  );
}
