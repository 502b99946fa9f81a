import { useEffect, useMemo } from 'react';
import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type NodeMouseHandler,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import type { MapDocument } from '../domain/model';
import { toFlowEdges, toFlowNodes, type MapFlowNode } from './adapters';
import { GoalNode } from './GoalNode';
import { toHighlightLookup, type Highlight } from './highlight';
import { StakeholderNode } from './StakeholderNode';
import { useAutoLayout } from './useAutoLayout';

/**
 * A whole company tree is wide; below this zoom titles stop being readable, so the first view
 * shows the readable middle of the map and the minimap shows the rest.
 */
const FIT_VIEW_OPTIONS = { minZoom: 0.4, padding: 0.08 };

/** Module level, so React Flow never sees a new nodeTypes object and remounts every node. */
const nodeTypes = { goal: GoalNode, stakeholder: StakeholderNode };

export interface MapCanvasProps {
  readonly doc: MapDocument;
  readonly highlight: Highlight | null;
  readonly selectedIds: ReadonlySet<string>;
  readonly onSelectNode: (node: { id: string; type: 'goal' | 'stakeholder' }) => void;
  readonly onClearSelection: () => void;
}

/** Moves the camera to the walked paths whenever a common-ground view opens or changes. */
function FocusOnHighlight({ highlight }: { highlight: Highlight | null }) {
  const { fitView } = useReactFlow();
  useEffect(() => {
    if (!highlight) return;
    const ids = new Set(highlight.paths.flatMap((p) => [p.stakeholderId, ...p.path]));
    void fitView({ nodes: [...ids].map((id) => ({ id })), duration: 400, padding: 0.25 });
  }, [highlight, fitView]);
  return null;
}

function minimapColor(node: MapFlowNode): string {
  if (node.type === 'stakeholder') return node.data.stakeholder.color;
  return node.data.goal.kind === 'mission' ? '#1b2a41' : '#adb5bd';
}

function LaidOutCanvas({
  doc,
  highlight,
  selectedIds,
  onSelectNode,
  onClearSelection,
}: MapCanvasProps) {
  const { positions, ready } = useAutoLayout(doc);
  const lookup = useMemo(() => toHighlightLookup(highlight), [highlight]);
  const nodes = useMemo(
    () => toFlowNodes(doc, positions, lookup, selectedIds),
    [doc, positions, lookup, selectedIds],
  );
  const edges = useMemo(() => toFlowEdges(doc, lookup), [doc, lookup]);
  const onNodeClick: NodeMouseHandler<MapFlowNode> = (_, node) => {
    onSelectNode({ id: node.id, type: node.type });
  };

  if (!ready) return <div className="cg-canvas__loading">Laying out the map…</div>;
  return (
    <ReactFlow<MapFlowNode>
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      onNodeClick={onNodeClick}
      onPaneClick={onClearSelection}
      nodesDraggable={false}
      nodesConnectable={false}
      onlyRenderVisibleElements
      fitView
      fitViewOptions={FIT_VIEW_OPTIONS}
      minZoom={0.05}
      maxZoom={2.5}
    >
      <FocusOnHighlight highlight={highlight} />
      <Background gap={24} color="#e3e7ec" />
      <Controls showInteractive={false} />
      <MiniMap<MapFlowNode> nodeColor={minimapColor} pannable zoomable ariaLabel="Map overview" />
    </ReactFlow>
  );
}

/** The map drawn with React Flow; everything shown is derived from the document and layout. */
export function MapCanvas(props: MapCanvasProps) {
  return (
    <ReactFlowProvider>
      <LaidOutCanvas {...props} />
    </ReactFlowProvider>
  );
}
