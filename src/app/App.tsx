import { lazy, Suspense, type ReactNode } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { MapCanvas } from '../canvas/MapCanvas';
import type { MapDocument } from '../domain/model';
import { selectDoc, useDocumentStore } from '../store/documentStore';
import { selectView, useLibraryStore } from '../store/libraryStore';
import type { CommonGround } from '../domain/engine';
import { selectOpenPanel, useSessionStore } from '../store/sessionStore';
import { CommonGroundPanel } from '../ui/CommonGroundPanel';
import { OpenConflict } from '../ui/conflicts/ConflictEditor';
import { ConflictsPanel } from '../ui/conflicts/ConflictsPanel';
import { AlignmentMatrixDialog } from '../ui/matrix/AlignmentMatrixDialog';
import {
  StakeholderViewPanel,
  ViewAsStakeholderButton,
} from '../ui/stakeholderView/StakeholderViewPanel';
import type { StakeholderView } from '../ui/stakeholderView/stakeholderView';
import { useStakeholderView } from '../ui/stakeholderView/useStakeholderView';
import { CanvasToolbar } from '../ui/editor/CanvasToolbar';
import { BackupReminder } from '../ui/importExport/BackupReminder';
import { Inspector } from '../ui/inspector/Inspector';
import { NoticeBar } from '../ui/NoticeBar';
import { Toolbar } from '../ui/Toolbar';
import { useCommonGroundView } from '../ui/useCommonGroundView';
import { selectWorkshopActive, useWorkshopStore } from '../store/workshopStore';

/*
 * Screens a session may never open load on demand, which keeps them out of the JavaScript the
 * first screen waits for.
 */
const WorkshopScreen = lazy(async () => ({
  default: (await import('../ui/workshop/WorkshopScreen')).WorkshopScreen,
}));
const LibraryScreen = lazy(async () => ({
  default: (await import('../ui/library/LibraryScreen')).LibraryScreen,
}));
const HealthPanel = lazy(async () => ({
  default: (await import('../ui/health/HealthPanel')).HealthPanel,
}));

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
      return <ConflictsPanel doc={doc} />;
    case 'health':
      return (
        <Loading>
          <HealthPanel doc={doc} />
        </Loading>
      );
    case 'stakeholder':
      return <StakeholderViewPanel doc={doc} view={person} />;
    default:
      return (
        <>
          <CommonGroundPanel doc={doc} result={result} />
          <OpenConflict doc={doc} result={result} />
        </>
      );
  }
}

function Workspace({ doc }: { doc: MapDocument }) {
  const { result, highlight } = useCommonGroundView(doc);
  const person = useStakeholderView(doc);
  return (
    <main className="cg-workspace">
      <div className="cg-canvas">
        <CanvasToolbar doc={doc} />
        <MapCanvas doc={doc} highlight={highlight ?? person.highlight} />
      </div>
      <aside className="cg-panel" aria-label="Side panel">
        <BackupReminder mapId={doc.map.id} />
        <Inspector doc={doc} />
        <ViewAsStakeholderButton doc={doc} />
        <SidePanel doc={doc} result={result} person={person.view} />
      </aside>
      <AlignmentMatrixDialog doc={doc} />
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
      </div>
    );
  }
  if (!doc) return <div className="cg-canvas__loading">Opening your map…</div>;
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
      <Toolbar mapName={doc.map.name} />
      <ReactFlowProvider>
        <Workspace doc={doc} />
      </ReactFlowProvider>
      <NoticeBar />
    </div>
  );
}
