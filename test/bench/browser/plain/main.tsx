/**
 * The baseline page: React Flow as its own examples use it (default node type, labels only,
 * useNodesState/useEdgesState), showing the same nodes and edges as the app, so frame times on
 * both pages compare what our nodes, edges and state wiring cost on top of React Flow itself.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ReactFlow, useEdgesState, useNodesState, type Node, type Viewport } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { GRAPH_FILE, isPlainGraph, type PlainGraph } from './graph';

/** The viewport and canvas size come from the app's, so both pages show the same region. */
function readView(): { viewport: Viewport; width: number; height: number } {
  const query = new URLSearchParams(window.location.search);
  const num = (key: string, fallback: number): number => {
    const n = Number(query.get(key));
    return query.has(key) && Number.isFinite(n) ? n : fallback;
  };
  return {
    viewport: { x: num('x', 0), y: num('y', 0), zoom: num('zoom', 1) },
    width: num('width', window.innerWidth),
    height: num('height', window.innerHeight),
  };
}

function Plain({ graph }: { graph: PlainGraph }) {
  const [nodes, , onNodesChange] = useNodesState<Node>(
    graph.nodes.map((n) => ({ id: n.id, position: { x: n.x, y: n.y }, data: { label: n.label } })),
  );
  const [edges, , onEdgesChange] = useEdgesState(graph.edges.map((e) => ({ ...e })));
  const { viewport, width, height } = readView();
  return (
    <div style={{ width, height }}>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        defaultViewport={viewport}
        minZoom={0.05}
      />
    </div>
  );
}

const root = createRoot(document.getElementById('root') ?? document.body);
const response = await fetch(`./${GRAPH_FILE}`);
const graph: unknown = await response.json();
if (!isPlainGraph(graph)) throw new Error(`${GRAPH_FILE} is not a plain graph`);
root.render(
  <StrictMode>
    <Plain graph={graph} />
  </StrictMode>,
);
