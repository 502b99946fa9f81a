/**
 * What the bench hands the plain React Flow page: the benchmark map's goals and stakeholders as
 * labelled boxes at the positions auto layout gives them, and its links and incentives as edges.
 * Written as graph.json next to the built page; read by main.tsx.
 */
export interface PlainNode {
  readonly id: string;
  readonly label: string;
  readonly x: number;
  readonly y: number;
}

export interface PlainEdge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
}

export interface PlainGraph {
  readonly nodes: readonly PlainNode[];
  readonly edges: readonly PlainEdge[];
}

export const GRAPH_FILE = 'graph.json';

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const isPlainNode = (v: unknown): v is PlainNode =>
  isRecord(v) &&
  typeof v['id'] === 'string' &&
  typeof v['label'] === 'string' &&
  Number.isFinite(v['x']) &&
  Number.isFinite(v['y']);

const isPlainEdge = (v: unknown): v is PlainEdge =>
  isRecord(v) &&
  typeof v['id'] === 'string' &&
  typeof v['source'] === 'string' &&
  typeof v['target'] === 'string';

export const isPlainGraph = (v: unknown): v is PlainGraph =>
  isRecord(v) &&
  Array.isArray(v['nodes']) &&
  v['nodes'].every(isPlainNode) &&
  Array.isArray(v['edges']) &&
  v['edges'].every(isPlainEdge);
