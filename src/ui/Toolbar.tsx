import { Suspense } from 'react';
import type { MapInfo } from '../domain/model';
import { ActionButton } from './actions/EditorActions';
import { useEarlyDrops } from './importExport/earlyDrop';
import { lazyPart } from './lazyPart';
import { RoomStatusSlot } from './rooms/PresenceSlot';
import { selectSaveStatus, useSessionStore, type SessionData } from '../store/sessionStore';

// The name shows at once as text and becomes editable when the fields' code arrives.
const MapNameField = lazyPart(async () => (await import('./MapNameField')).MapNameField);
// Import and export are seldom the first thing done: their controls (with the file drop and the
// export menu) are fetched when the header first renders, so they follow the map by a moment
// instead of holding up the first screen.
const ImportControls = lazyPart(
  async () => (await import('./importExport/ImportControls')).ImportControls,
  { whenIdle: true },
);
const ExportControls = lazyPart(
  async () => (await import('./importExport/ExportControls')).ExportControls,
  { whenIdle: true },
);

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
export function Toolbar({ map }: { map: MapInfo }) {
  useEarlyDrops();
  return (
    <header className="cg-toolbar">
      <h1 className="cg-brand">
        <img src="/favicon.svg" alt="" />
        <span className="cg-brand__name">Common Ground</span>
      </h1>
      <ActionButton id="maps" />
      <Suspense fallback={<span className="cg-toolbar__map">{map.name}</span>}>
        <MapNameField map={map} />
      </Suspense>
      <ActionButton id="conflicts" />
      <ActionButton id="alignment" />
      <ActionButton id="health" />
      <div className="cg-toolbar__spacer" />
      <RoomStatusSlot />
      <SaveIndicator />
      <Suspense fallback={null}>
        <ImportControls />
        <ExportControls />
      </Suspense>
      <ActionButton id="share" />
      <ActionButton id="new-map" />
    </header>
  );
}
