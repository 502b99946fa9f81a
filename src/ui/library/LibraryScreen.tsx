import { useApp } from '../../store/appContext';
import { useEffect, useState } from 'react';
import {
  selectListed,
  selectMaps,
  selectOpenMapId,
  useLibraryStore,
} from '../../store/libraryStore';
import { NewMapButton } from './LibraryButtons';
import { MapRow } from './MapRow';
import { StartingPoints } from './StartingPoints';
import { StorageStatus } from './StorageStatus';
import './library.css';

/** "Edited 5 minutes ago" should not go stale while the library stays open. */
const CLOCK_TICK_MS = 30_000;

function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), CLOCK_TICK_MS);
    return () => clearInterval(timer);
  }, []);
  return now;
}

function LibraryHeader() {
  const app = useApp();
  const openMapId = useLibraryStore(selectOpenMapId);
  const openName = useLibraryStore(
    (s) => s.maps.find((m) => m.summary.id === s.openMapId)?.summary.name,
  );
  return (
    <header className="cg-toolbar">
      <div className="cg-brand">
        <img src="/favicon.svg" alt="" />
        Common Ground
      </div>
      <div className="cg-toolbar__spacer" />
      {openMapId && (
        <button
          type="button"
          className="cg-button"
          onClick={() => app.libraryStore.getState().showEditor()}
        >
          <span aria-hidden="true">← </span>
          Back to {openName ?? 'the open map'}
        </button>
      )}
      <NewMapButton />
    </header>
  );
}

function EmptyLibrary() {
  return (
    <div className="cg-library__empty">
      <p className="cg-library__empty-title">No maps yet</p>
      <p>
        Start from the example to see how Common Ground finds the goal two people already share, or
        from an empty map to sketch your own company. Your maps stay in this browser.
      </p>
    </div>
  );
}

function MapList() {
  const maps = useLibraryStore(selectMaps);
  const listed = useLibraryStore(selectListed);
  const openMapId = useLibraryStore(selectOpenMapId);
  const nowMs = useNow();
  if (!listed) return <p className="cg-library__loading">Loading your maps…</p>;
  if (maps.length === 0) return <EmptyLibrary />;
  return (
    <ul className="cg-maplist">
      {maps.map((entry) => (
        <MapRow
          key={entry.summary.id}
          entry={entry}
          isOpen={entry.summary.id === openMapId}
          nowMs={nowMs}
        />
      ))}
    </ul>
  );
}

/** Every map on this device, and the ways to start a new one. Replaces the editor while shown. */
export function LibraryScreen() {
  const count = useLibraryStore((s) => s.maps.length);
  return (
    <>
      <LibraryHeader />
      <main className="cg-library" aria-labelledby="cg-library-title">
        <div className="cg-library__inner">
          <h1 id="cg-library-title">Maps</h1>
          <p className="cg-library__lede">
            Saved automatically in this browser. Nothing leaves your device unless you export it.
          </p>
          <StartingPoints />
          <section className="cg-library__section" aria-labelledby="cg-maps-heading">
            <h2 id="cg-maps-heading">Your maps{count > 0 ? ` (${count})` : ''}</h2>
            <MapList />
          </section>
          <StorageStatus />
        </div>
      </main>
    </>
  );
}
