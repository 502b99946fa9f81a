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
import { HealthPanel } from '../ui/health/HealthPanel';
import { AlignmentMatrixDialog } from '../ui/matrix/AlignmentMatrixDialog';
import {
  StakeholderViewPanel,
  ViewAsStakeholderButton,
} from '../ui/stakeholderView/StakeholderViewPanel';
import type { StakeholderView } from '../ui/stakeholderView/stakeholderView';
import { useStakeholderView } from '../ui/stakeholderView/useStakeholderView';
import { CanvasToolbar } from '../ui/editor/CanvasToolbar';
import { Inspector } from '../ui/inspector/Inspector';
import { NoticeBar } from '../ui/NoticeBar';
import { LibraryScreen } from '../ui/library/LibraryScreen';
import { Toolbar } from '../ui/Toolbar';
import { useCommonGroundView } from '../ui/useCommonGroundView';
import { WorkshopScreen } from '../ui/workshop/WorkshopScreen';
import { selectWorkshopActive, useWorkshopStore } from '../store/workshopStore';

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
      return <HealthPanel doc={doc} />;
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
        <LibraryScreen />
        <NoticeBar />
      </div>
    );
  }
  if (!doc) return <div className="cg-canvas__loading">Opening your map…</div>;
  if (workshop) {
    return (
      <ReactFlowProvider>
        <WorkshopScreen doc={doc} />
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
