import { ReactFlowProvider } from '@xyflow/react';
import { MapCanvas } from '../canvas/MapCanvas';
import type { MapDocument } from '../domain/model';
import { selectDoc, useDocumentStore } from '../store/documentStore';
import { selectView, useLibraryStore } from '../store/libraryStore';
import { CommonGroundPanel } from '../ui/CommonGroundPanel';
import { CanvasToolbar } from '../ui/editor/CanvasToolbar';
import { Inspector } from '../ui/inspector/Inspector';
import { NoticeBar } from '../ui/NoticeBar';
import { LibraryScreen } from '../ui/library/LibraryScreen';
import { Toolbar } from '../ui/Toolbar';
import { useCommonGroundView } from '../ui/useCommonGroundView';
import { WorkshopScreen } from '../ui/workshop/WorkshopScreen';
import { selectWorkshopActive, useWorkshopStore } from '../store/workshopStore';

function Workspace({ doc }: { doc: MapDocument }) {
  const { result, highlight } = useCommonGroundView(doc);
  return (
    <main className="cg-workspace">
      <div className="cg-canvas">
        <CanvasToolbar doc={doc} />
        <MapCanvas doc={doc} highlight={highlight} />
      </div>
      <aside className="cg-panel" aria-label="Side panel">
        <Inspector doc={doc} />
        <CommonGroundPanel doc={doc} result={result} />
      </aside>
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
