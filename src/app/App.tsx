import { Suspense, useEffect, type ReactNode } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { MapCanvas } from '../canvas/MapCanvas';
import type { MapDocument } from '../domain/model';
import { selectDoc, useDocumentStore } from '../store/documentStore';
import { selectView, useLibraryStore } from '../store/libraryStore';
import type { CommonGround } from '../domain/engine';
import { selectOpenPanel, useSessionStore } from '../store/sessionStore';
import type { StakeholderView } from '../ui/stakeholderView/stakeholderView';
import { useStakeholderView } from '../ui/stakeholderView/useStakeholderView';
import { EditorActions } from '../ui/actions/EditorActions';
import { CanvasToolbar } from '../ui/editor/CanvasToolbar';
import { lazyPart, preloadIdleParts } from '../ui/lazyPart';
import { NoticeBar } from '../ui/NoticeBar';
import { PresenceSlot } from '../ui/rooms/PresenceSlot';
import { StorageAlertSlot } from '../ui/storage/StorageAlertSlot';
import { Toolbar } from '../ui/Toolbar';
import { useCommonGroundView } from '../ui/commonGround/useCommonGroundView';
import { selectWorkshopActive, useWorkshopStore } from '../store/workshopStore';
import { useApp } from '../store/appContext';
import { firstMapShown } from './firstMap';

/*
 * Screens a session may never open load on demand, which keeps them out of the JavaScript the
 * first screen waits for. The editor's panels and dialogs are fetched as soon as the browser is
 * idle, so opening one does not wait for the network.
 */
const WorkshopScreen = lazyPart(
  async () => (await import('../ui/workshop/WorkshopScreen')).WorkshopScreen,
);
const LibraryScreen = lazyPart(
  async () => (await import('../ui/library/LibraryScreen')).LibraryScreen,
);
const HealthPanel = lazyPart(async () => (await import('../ui/health/HealthPanel')).HealthPanel, {
  whenIdle: true,
});
const ConflictsPanel = lazyPart(
  async () => (await import('../ui/conflicts/ConflictsPanel')).ConflictsPanel,
  { whenIdle: true },
);
const StakeholderViewPanel = lazyPart(
  async () => (await import('../ui/stakeholderView/StakeholderViewPanel')).StakeholderViewPanel,
  { whenIdle: true },
);
// Cards that come later or not at all: the backup reminder (after some work) and the offer of a
// new version. Fetched when first rendered, they follow the map by a moment.
const BackupReminder = lazyPart(
  async () => (await import('../ui/importExport/BackupReminder')).BackupReminder,
);
const UpdateNotice = lazyPart(async () => (await import('../ui/UpdateNotice')).UpdateNotice);
// The side panel's parts follow the map by a moment (the canvas is what the first screen is for).
const CommonGroundPanel = lazyPart(
  async () => (await import('../ui/commonGround/CommonGroundPanel')).CommonGroundPanel,
  { whenIdle: true },
);
const OpenConflict = lazyPart(
  async () => (await import('../ui/conflicts/OpenConflict')).OpenConflict,
  { whenIdle: true },
);
const Inspector = lazyPart(async () => (await import('../ui/inspector/Inspector')).Inspector, {
  whenIdle: true,
});
const ViewAsStakeholderButton = lazyPart(
  async () =>
    (await import('../ui/stakeholderView/ViewAsStakeholderButton')).ViewAsStakeholderButton,
  { whenIdle: true },
);
const AlignmentMatrixDialog = lazyPart(
  async () => (await import('../ui/matrix/AlignmentMatrixDialog')).AlignmentMatrixDialog,
  { whenIdle: true },
);

/** Where the skip link leads: past the toolbar and every goal on the canvas. */
const SIDE_PANEL_ID = 'cg-side-panel';
/**
 * Where the side panel's link back leads: the canvas, whose first control is `Add goal`. Without
 * it, Shift+Tab from the inspector walks back through every goal drawn on the canvas.
 */
const CANVAS_ID = 'cg-canvas';

function Loading({ children }: { children: ReactNode }) {
  return (
    <Suspense fallback={<div className="cg-canvas__loading">Loading…</div>}>{children}</Suspense>
  );
}

/** The side panel below the inspector: the open panel, or common ground by default. */
function SidePanel({
  doc,
  result,
  person,
}: {
  doc: MapDocument;
  result: CommonGround | null;
  person: StakeholderView | null;
}) {
  const panel = useSessionStore(selectOpenPanel);
  switch (panel) {
    case 'conflicts':
      return (
        <Loading>
          <ConflictsPanel doc={doc} />
        </Loading>
      );
    case 'health':
      return (
        <Loading>
          <HealthPanel doc={doc} />
        </Loading>
      );
    case 'stakeholder':
      return (
        <Loading>
          <StakeholderViewPanel doc={doc} view={person} />
        </Loading>
      );
    default:
      return (
        <>
          <Suspense fallback={null}>
            <CommonGroundPanel doc={doc} result={result} />
            <OpenConflict doc={doc} result={result} />
          </Suspense>
        </>
      );
  }
}

/** The alignment matrix, over the canvas while its panel is open. */
function AlignmentMatrix({ doc }: { doc: MapDocument }) {
  const showing = useSessionStore(selectOpenPanel) === 'alignment';
  if (!showing) return null;
  return (
    <Suspense fallback={null}>
      <AlignmentMatrixDialog doc={doc} />
    </Suspense>
  );
}

function Workspace({ doc }: { doc: MapDocument }) {
  const { result, highlight } = useCommonGroundView(doc);
  const person = useStakeholderView(doc);
  const app = useApp();
  // The editor's parts are fetched once the map is drawn, not while it waits for its layout.
  useEffect(() => {
    void firstMapShown(app).then(preloadIdleParts);
  }, [app]);
  return (
    <main className="cg-workspace">
      <div className="cg-canvas" id={CANVAS_ID} tabIndex={-1}>
        <CanvasToolbar doc={doc} />
        <MapCanvas doc={doc} highlight={highlight ?? person.highlight}>
          <PresenceSlot />
        </MapCanvas>
      </div>
      <aside className="cg-panel" aria-label="Side panel" id={SIDE_PANEL_ID} tabIndex={-1}>
        <a className="cg-skip cg-skip--back" href={`#${CANVAS_ID}`}>
          Back to the map tools
        </a>
        <Suspense fallback={null}>
          <BackupReminder mapId={doc.map.id} />
        </Suspense>
        <Suspense fallback={null}>
          <Inspector doc={doc} />
          <ViewAsStakeholderButton doc={doc} />
        </Suspense>
        <SidePanel doc={doc} result={result} person={person.view} />
      </aside>
      <AlignmentMatrix doc={doc} />
    </main>
  );
}

/** The app shell: toolbar on top, the canvas, and the side panel. */
export function App() {
  const doc = useDocumentStore(selectDoc);
  const view = useLibraryStore(selectView);
  const workshop = useWorkshopStore(selectWorkshopActive);
  if (view === 'library') {
    return (
      <div className="cg-app">
        <Loading>
          <LibraryScreen />
        </Loading>
        <NoticeBar />
        <Suspense fallback={null}>
          <Suspense fallback={null}>
            <UpdateNotice />
          </Suspense>
        </Suspense>
      </div>
    );
  }
  if (!doc) return <div className="cg-canvas__loading">Opening your map…</div>;
  // A room watching the projector sees no update offer; it is still there after Esc.
  if (workshop) {
    return (
      <ReactFlowProvider>
        <Loading>
          <WorkshopScreen doc={doc} />
        </Loading>
      </ReactFlowProvider>
    );
  }
  return (
    <div className="cg-app">
      <a className="cg-skip" href={`#${SIDE_PANEL_ID}`}>
        Skip to the side panel
      </a>
      <ReactFlowProvider>
        <EditorActions>
          <Toolbar map={doc.map} />
          <StorageAlertSlot doc={doc} />
          <Workspace doc={doc} />
        </EditorActions>
      </ReactFlowProvider>
      <NoticeBar />
      <Suspense fallback={null}>
        <UpdateNotice />
      </Suspense>
    </div>
  );
}
