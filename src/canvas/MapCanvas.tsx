import { useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import {
  Background,
  ConnectionMode,
  Controls,
  MiniMap,
  ReactFlow,
  type Connection,
  type EdgeChange,
  type NodeChange,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import type { LayoutPositions } from '../domain/layoutTypes';
import type { MapDocument } from '../domain/model';
import { partiesAndPaths } from '../domain/nodeIds';
import { applyEdit } from '../store/applyEdit';
import { useApp } from '../store/appContext';
import { selectOrientation, useMapView } from '../store/mapViewStore';
import { selectCollapsedGoalIds, useSessionStore } from '../store/sessionStore';
import { createEdgeBuilder, createNodeBuilder, type MapFlowNode } from './adapters';
import { Camera } from './Camera';
import { applySelectChanges, commitDrag, draggedPositions } from './canvasEvents';
import { collapseView } from './collapse';
import { connectionCommand } from './connect';
import { useDropOnNode } from './dropOnNode';
import { CanvasViewSource } from './exportView';
import { GoalNode } from './GoalNode';
import { OrientationControl } from './OrientationControl';
import type { Highlight } from '../domain/highlight';
import { toHighlightLookup } from './highlight';
import { RoutedEdge, EdgeRoutesContext } from './RoutedEdge';
import { StakeholderNode } from './StakeholderNode';
import { TradeOffCurvesContext, TradeOffEdge } from './TradeOffEdge';
import { useAutoLayout } from './useAutoLayout';
import { ZoomedTitleSize } from './ZoomedTitleSize';
import { EDITOR_FORMS, WORKSHOP_FORMS, ZoomFormsContext } from './zoomForms';
import { useDrawnBoxes, useEdgeRoutes, useTradeOffCurves } from './useEdgeRoutes';
import { useTreeKeys } from './useTreeKeys';
import { RevealSelection } from './RevealSelection';
import { useSelectedIds } from './useSelectedIds';

/** Module level, so React Flow never sees a new nodeTypes object and remounts every node. */
const nodeTypes = { goal: GoalNode, stakeholder: StakeholderNode };
const edgeTypes = { routed: RoutedEdge, tradeOff: TradeOffEdge };
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];
const NO_DRAG = new Map<string, { x: number; y: number }>();

export interface MapCanvasProps {
  readonly doc: MapDocument;
  readonly highlight: Highlight | null;
  /** Presentation (workshop mode): look and navigate, but nothing can be moved or edited. */
  readonly readOnly?: boolean;
  /**
   * The nodes the camera frames, by node id; by default the parties of the highlight and the
   * goals on their paths (workshop mode frames the whole walk from its first step).
   */
  readonly frame?: readonly string[] | null;
  /** Drawn over the map inside React Flow (a room's presence). */
  readonly children?: ReactNode;
}

/** The node ids of the parties of a highlight and of every goal on their paths. */
function highlightFrame(highlight: Highlight | null): readonly string[] | null {
  if (!highlight) return null;
  return partiesAndPaths(
    highlight.paths.flatMap((p) => p.path),
    highlight.paths.map((p) => p.stakeholderId),
  );
}

function minimapColor(node: MapFlowNode): string {
  if (node.type === 'stakeholder') return node.data.stakeholder.color;
  return node.data.goal.kind === 'mission' ? '#1b2a41' : '#adb5bd';
}

/** What a new, empty map says: where to start, in the order a PM would build the tree. */
function EmptyMapHint() {
  return (
    <div className="cg-empty" role="note">
      <h2>An empty map</h2>
      <p>
        Start with <strong>Add goal</strong>: the first goal is your mission. Select a goal and add
        again to put objectives and KPIs below it, then <strong>Add stakeholder</strong> and drag
        from a person to the goals they are measured, rewarded or motivated by.
      </p>
    </div>
  );
}

/** Nodes and edges derived from the document plus view state; identical nodes are reused. */
function useFlowElements(
  doc: MapDocument,
  positions: LayoutPositions,
  highlight: Highlight | null,
  dragging: typeof NO_DRAG,
) {
  const collapsedGoalIds = useSessionStore(selectCollapsedGoalIds);
  const orientation = useMapView(selectOrientation);
  const selectedIds = useSelectedIds();
  const [buildNodes] = useState(createNodeBuilder);
  const [buildEdges] = useState(createEdgeBuilder);
  const lookup = useMemo(() => toHighlightLookup(highlight), [highlight]);
  const collapse = useMemo(() => collapseView(doc, collapsedGoalIds), [doc, collapsedGoalIds]);
  const nodes = useMemo(
    () =>
      buildNodes(doc, {
        positions,
        dragging,
        highlight: lookup,
        selectedIds,
        collapse,
        collapsedIds: new Set(collapsedGoalIds),
        orientation,
      }),
    [
      buildNodes,
      doc,
      positions,
      dragging,
      lookup,
      selectedIds,
      collapse,
      collapsedGoalIds,
      orientation,
    ],
  );
  const edges = useMemo(
    () => buildEdges(doc, lookup, selectedIds),
    [buildEdges, doc, lookup, selectedIds],
  );
  return { nodes, edges, selectedIds };
}

/**
 * The map drawn with React Flow. Everything shown is derived from the document and view state;
 * React Flow's own change events are translated into commands (drags, links) or session state
 * (selection) and never kept as a second copy of the map.
 */
export function MapCanvas({ doc, highlight, readOnly = false, frame, children }: MapCanvasProps) {
  const app = useApp();
  const { ready, positions } = useAutoLayout(doc);
  const [dragging, setDragging] = useState(NO_DRAG);
  // Set from the start of a pointer drag to its drop: moves outside one come from the arrow keys.
  const pointerDrag = useRef(false);
  const { nodes, edges, selectedIds } = useFlowElements(doc, positions, highlight, dragging);
  const boxes = useDrawnBoxes(doc, positions);
  const routes = useEdgeRoutes(doc, boxes, edges);
  const curves = useTradeOffCurves(doc.tradeOffs, boxes);
  const onNodesChange = useCallback(
    (changes: NodeChange<MapFlowNode>[]) => {
      applySelectChanges(app, changes, doc);
      const moved = draggedPositions(changes);
      if (moved.size === 0) return;
      // A drag is drawn as it goes and saved on drop; each arrow-key nudge is saved at once.
      if (pointerDrag.current) setDragging((d) => new Map([...d, ...moved]));
      else commitDrag(app, doc, moved);
    },
    [doc, app],
  );
  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => applySelectChanges(app, changes, doc),
    [doc, app],
  );
  const onNodeDragStart = useCallback(() => {
    pointerDrag.current = true;
  }, []);
  const onNodeDragStop = useCallback(() => {
    pointerDrag.current = false;
    commitDrag(app, doc, dragging);
    setDragging(NO_DRAG);
  }, [doc, dragging, app]);
  const onConnect = useCallback((c: Connection) => applyEdit(app, connectionCommand(c)), [app]);
  const onConnectEnd = useDropOnNode(doc);
  const onKeyDownCapture = useTreeKeys(doc);

  if (!ready) return <div className="cg-canvas__loading">Laying out the map…</div>;
  return (
    <EdgeRoutesContext.Provider value={routes}>
      <TradeOffCurvesContext.Provider value={curves}>
        <ZoomFormsContext.Provider value={readOnly ? WORKSHOP_FORMS : EDITOR_FORMS}>
          {nodes.length === 0 && <EmptyMapHint />}
          <ReactFlow<MapFlowNode>
            nodes={nodes}
            edges={edges}
            nodeTypes={nodeTypes}
            edgeTypes={edgeTypes}
            onNodesChange={onNodesChange}
            onEdgesChange={onEdgesChange}
            onNodeDragStart={onNodeDragStart}
            onNodeDragStop={onNodeDragStop}
            onConnect={onConnect}
            onConnectEnd={onConnectEnd}
            onKeyDownCapture={readOnly ? undefined : onKeyDownCapture}
            connectionMode={ConnectionMode.Loose}
            nodesDraggable={!readOnly}
            nodesConnectable={!readOnly}
            elementsSelectable={!readOnly}
            deleteKeyCode={null}
            multiSelectionKeyCode={MULTI_SELECT_KEYS}
            onlyRenderVisibleElements
            minZoom={0.05}
            maxZoom={2.5}
          >
            <RevealSelection selectedIds={selectedIds} />
            <Camera
              nodes={nodes}
              frame={frame === undefined ? highlightFrame(highlight) : frame}
              maxZoom={readOnly ? 1.4 : 1}
            />
            <CanvasViewSource />
            <ZoomedTitleSize />
            {children}
            <Background gap={24} color="#e3e7ec" />
            {!readOnly && (
              <Controls showInteractive={false} showFitView={false}>
                <OrientationControl mapId={doc.map.id} />
              </Controls>
            )}
            {!readOnly && (
              <MiniMap<MapFlowNode>
                nodeColor={minimapColor}
                pannable
                zoomable
                ariaLabel="Map overview"
              />
            )}
          </ReactFlow>
        </ZoomFormsContext.Provider>
      </TradeOffCurvesContext.Provider>
    </EdgeRoutesContext.Provider>
  );
}
