import { useCallback, useMemo } from 'react';
import { MapCanvas } from '../canvas/MapCanvas';
import type { MapDocument } from '../domain/model';
import { selectDoc, useDocumentStore } from '../store/documentStore';
import {
  selectSelectedGoalIds,
  selectSelectedStakeholderIds,
  sessionStore,
  useSessionStore,
} from '../store/sessionStore';
import { CommonGroundPanel } from '../ui/CommonGroundPanel';
import { Inspector } from '../ui/Inspector';
import { NoticeBar } from '../ui/NoticeBar';
import { Toolbar } from '../ui/Toolbar';
import { useCommonGroundView } from '../ui/useCommonGroundView';

function Workspace({ doc }: { doc: MapDocument }) {
  const goalIds = useSessionStore(selectSelectedGoalIds);
  const stakeholderIds = useSessionStore(selectSelectedStakeholderIds);
  const selectedIds = useMemo(
    () => new Set<string>([...goalIds, ...stakeholderIds]),
    [goalIds, stakeholderIds],
  );
  const { result, highlight } = useCommonGroundView(doc);
  const onSelectNode = useCallback(
    ({ id, type }: { id: string; type: 'goal' | 'stakeholder' }) => {
      const session = sessionStore.getState();
      if (type === 'goal') {
        const goal = doc.goals.find((g) => g.id === id);
        session.select({ goals: goal ? [goal.id] : [] });
      } else {
        const person = doc.stakeholders.find((s) => s.id === id);
        session.select({ stakeholders: person ? [person.id] : [] });
      }
    },
    [doc],
  );
  const onClearSelection = useCallback(() => sessionStore.getState().clearSelection(), []);
  const goal = doc.goals.find((g) => g.id === goalIds[0]);
  const stakeholder = doc.stakeholders.find((s) => s.id === stakeholderIds[0]);
  return (
    <main className="cg-workspace">
      <div className="cg-canvas">
        <MapCanvas
          doc={doc}
          highlight={highlight}
          selectedIds={selectedIds}
          onSelectNode={onSelectNode}
          onClearSelection={onClearSelection}
        />
      </div>
      <aside className="cg-panel" aria-label="Side panel">
        <Inspector goal={goal} stakeholder={stakeholder} />
        <CommonGroundPanel doc={doc} result={result} />
      </aside>
    </main>
  );
}

/** The app shell: toolbar on top, the canvas, and the side panel. */
export function App() {
  const doc = useDocumentStore(selectDoc);
  if (!doc) return <div className="cg-canvas__loading">Opening your map…</div>;
  return (
    <div className="cg-app">
      <Toolbar mapName={doc.map.name} />
      <Workspace doc={doc} />
      <NoticeBar />
    </div>
  );
}
