/**
 * Layout quality: how readable the picture is, not how fast the engine is. For the example map and
 * generated maps of 150, 500 and 2,000 goals, our layout and ELK layered (elkjs, the usual
 * baseline for layered drawings) lay out the same graph with the same box sizes in the same run;
 * the table compares the shape of the whole map, the zoom it needs to fit a 1440×900 screen, edge
 * crossings, edges drawn through a box they do not end at, overlapping boxes, total edge length
 * and run time.
 */
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkNode } from 'elkjs/lib/elk-api';
import { toLayoutInput } from '../../src/canvas/layoutInput';
import { createExampleMap } from '../../src/domain/exampleMap';
import type { LayoutInput, LayoutPositions } from '../../src/domain/layoutTypes';
import type { MapDocument } from '../../src/domain/model';
import { computeLayout } from '../../src/workers/layout';
import { generateMap } from './browser/generator';
import { ms, percentile, type BenchTable } from './table';

const SCREEN = { width: 1440, height: 900 };

interface Point {
  readonly x: number;
  readonly y: number;
}
interface Rect extends Point {
  readonly width: number;
  readonly height: number;
}

/** One drawn edge: its polyline, the two boxes it ends at, and whether it is a goal link. */
interface DrawnEdge {
  readonly points: readonly Point[];
  readonly ends: readonly [string, string];
  readonly link: boolean;
}

/** A laid-out map as the metrics see it. */
interface Drawing {
  readonly boxes: ReadonlyMap<string, Rect>;
  readonly edges: readonly DrawnEdge[];
}

function boxesOf(input: LayoutInput, positions: LayoutPositions): Map<string, Rect> {
  const boxes = new Map<string, Rect>();
  for (const node of [...input.goals, ...input.stakeholders]) {
    const at = positions[node.id] ?? { x: 0, y: 0 };
    boxes.set(node.id, { x: at.x, y: at.y, width: node.width, height: node.height });
  }
  return boxes;
}

/** React Flow's default edge: a cubic from the source's top to the target's bottom, sampled. */
function bezierUp(from: Point, to: Point): Point[] {
  const pull = (d: number) => (d >= 0 ? 0.5 * d : 0.25 * 25 * Math.sqrt(-d));
  const c1 = { x: from.x, y: from.y - pull(from.y - to.y) };
  const c2 = { x: to.x, y: to.y + pull(from.y - to.y) };
  const steps = 8;
  return Array.from({ length: steps + 1 }, (_, i) => {
    const t = i / steps;
    const u = 1 - t;
    const [a, b, c, d] = [u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t];
    return {
      x: a * from.x + b * c1.x + c * c2.x + d * to.x,
      y: a * from.y + b * c1.y + c * c2.y + d * to.y,
    };
  });
}

function ourDrawing(input: LayoutInput, positions: LayoutPositions): Drawing {
  const boxes = boxesOf(input, positions);
  const edges: DrawnEdge[] = [];
  const add = (from: string, to: string, link: boolean) => {
    const [a, b] = [boxes.get(from), boxes.get(to)];
    if (!a || !b) return;
    const top = { x: a.x + a.width / 2, y: a.y };
    const bottom = { x: b.x + b.width / 2, y: b.y + b.height };
    edges.push({ points: bezierUp(top, bottom), ends: [from, to], link });
  };
  for (const l of input.links) add(l.from, l.to, true);
  for (const i of input.incentives) add(i.stakeholderId, i.goalId, false);
  return { boxes, edges };
}

/** ELK layered, top-down (parents above children, people below their goals), orthogonal edges. */
async function elkDrawing(elk: InstanceType<typeof ELK>, input: LayoutInput): Promise<Drawing> {
  const edgeList = [
    ...input.links.map((l) => ({ from: l.from, to: l.to, link: true })),
    ...input.incentives.map((i) => ({ from: i.stakeholderId, to: i.goalId, link: false })),
  ];
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.edgeRouting': 'ORTHOGONAL',
      'elk.spacing.nodeNode': '24',
      'elk.layered.spacing.nodeNodeBetweenLayers': '80',
    },
    children: [...input.goals, ...input.stakeholders].map((n) => ({
      id: n.id,
      width: n.width,
      height: n.height,
    })),
    edges: edgeList.map((e, k) => ({ id: `e${k}`, sources: [e.to], targets: [e.from] })),
  };
  const out = await elk.layout(graph);
  const boxes = new Map<string, Rect>();
  for (const c of out.children ?? []) {
    boxes.set(c.id, { x: c.x ?? 0, y: c.y ?? 0, width: c.width ?? 0, height: c.height ?? 0 });
  }
  const edges: DrawnEdge[] = (out.edges ?? []).map((e, k) => {
    const s = e.sections?.[0];
    const points = s ? [s.startPoint, ...(s.bendPoints ?? []), s.endPoint] : [];
    const meta = edgeList[k];
    return { points, ends: [meta?.from ?? '', meta?.to ?? ''], link: meta?.link ?? false };
  });
  return { boxes, edges };
}

/** Buckets items by CELL-sized squares of their bounding rectangle. */
class Grid<T> {
  private readonly cells = new Map<string, T[]>();
  constructor(private readonly cell: number) {}
  private keys(r: Rect): string[] {
    const keys: string[] = [];
    const c = this.cell;
    for (let x = Math.floor(r.x / c); x <= Math.floor((r.x + r.width) / c); x++) {
      for (let y = Math.floor(r.y / c); y <= Math.floor((r.y + r.height) / c); y++) {
        keys.push(`${x},${y}`);
      }
    }
    return keys;
  }
  add(r: Rect, item: T): void {
    for (const k of this.keys(r)) {
      const list = this.cells.get(k);
      if (list) list.push(item);
      else this.cells.set(k, [item]);
    }
  }
  near(r: Rect): Set<T> {
    const found = new Set<T>();
    for (const k of this.keys(r)) for (const item of this.cells.get(k) ?? []) found.add(item);
    return found;
  }
}

interface Segment {
  readonly a: Point;
  readonly b: Point;
  readonly edge: number;
}

const boundsOfSegment = (s: Segment): Rect => ({
  x: Math.min(s.a.x, s.b.x),
  y: Math.min(s.a.y, s.b.y),
  width: Math.abs(s.a.x - s.b.x),
  height: Math.abs(s.a.y - s.b.y),
});

const cross = (o: Point, a: Point, b: Point) =>
  (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);

/** Two segments cross properly: each one's ends strictly on both sides of the other. */
function properCrossing(s: Segment, t: Segment): boolean {
  const [d1, d2] = [cross(s.a, s.b, t.a), cross(s.a, s.b, t.b)];
  const [d3, d4] = [cross(t.a, t.b, s.a), cross(t.a, t.b, s.b)];
  return d1 * d2 < 0 && d3 * d4 < 0;
}

function segmentsOf(edges: readonly DrawnEdge[]): Segment[] {
  return edges.flatMap((e, edge) =>
    e.points.slice(1).map((b, i) => ({ a: e.points[i] ?? b, b, edge })),
  );
}

/** Points where two different edges cross (edges that share an end may still cross). */
function crossings(edges: readonly DrawnEdge[]): number {
  const segments = segmentsOf(edges);
  const grid = new Grid<number>(256);
  segments.forEach((s, i) => grid.add(boundsOfSegment(s), i));
  let count = 0;
  segments.forEach((s, i) => {
    for (const j of grid.near(boundsOfSegment(s))) {
      const t = segments[j];
      if (j > i && t && t.edge !== s.edge && properCrossing(s, t)) count++;
    }
  });
  return count;
}

/** Does the segment pass through the inside of the rectangle (Liang–Barsky clipping)? */
function segmentEntersRect(s: Segment, r: Rect): boolean {
  const inset = 2;
  const [x0, y0, x1, y1] = [
    r.x + inset,
    r.y + inset,
    r.x + r.width - inset,
    r.y + r.height - inset,
  ];
  const dx = s.b.x - s.a.x;
  const dy = s.b.y - s.a.y;
  let [lo, hi] = [0, 1];
  const sides: [number, number][] = [
    [-dx, s.a.x - x0],
    [dx, x1 - s.a.x],
    [-dy, s.a.y - y0],
    [dy, y1 - s.a.y],
  ];
  for (const [p, q] of sides) {
    if (p === 0) {
      if (q < 0) return false;
    } else {
      const t = q / p;
      if (p < 0) lo = Math.max(lo, t);
      else hi = Math.min(hi, t);
    }
  }
  return lo < hi;
}

/** Edges (all, and goal links alone) with a segment through a box they do not end at. */
function throughBoxes(d: Drawing): { all: number; links: number } {
  const grid = new Grid<string>(256);
  for (const [id, r] of d.boxes) grid.add(r, id);
  let [all, links] = [0, 0];
  d.edges.forEach((e, edge) => {
    const hit = segmentsOf([e]).some((s) => {
      for (const id of grid.near(boundsOfSegment({ ...s, edge }))) {
        const r = d.boxes.get(id);
        if (r && !e.ends.includes(id) && segmentEntersRect(s, r)) return true;
      }
      return false;
    });
    if (hit) [all, links] = [all + 1, links + (e.link ? 1 : 0)];
  });
  return { all, links };
}

function overlaps(d: Drawing): number {
  const grid = new Grid<string>(256);
  for (const [id, r] of d.boxes) grid.add(r, id);
  let count = 0;
  for (const [id, r] of d.boxes) {
    for (const other of grid.near(r)) {
      const o = d.boxes.get(other);
      if (!o || other <= id) continue;
      const apart =
        o.x >= r.x + r.width ||
        r.x >= o.x + o.width ||
        o.y >= r.y + r.height ||
        r.y >= o.y + o.height;
      if (!apart) count++;
    }
  }
  return count;
}

function extent(d: Drawing): { width: number; height: number } {
  let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const r of d.boxes.values()) {
    [left, top] = [Math.min(left, r.x), Math.min(top, r.y)];
    [right, bottom] = [Math.max(right, r.x + r.width), Math.max(bottom, r.y + r.height)];
  }
  return { width: right - left, height: bottom - top };
}

function edgeLength(edges: readonly DrawnEdge[]): number {
  return segmentsOf(edges).reduce((sum, s) => sum + Math.hypot(s.b.x - s.a.x, s.b.y - s.a.y), 0);
}

function qualityRow(label: string, d: Drawing, runMs: number): (string | number)[] {
  const { width, height } = extent(d);
  const zoom = Math.min(1, SCREEN.width / width, SCREEN.height / height);
  const through = throughBoxes(d);
  const k = (v: number) => `${Math.round(v / 100) / 10}k`;
  return [
    label,
    `${Math.round(width)} × ${Math.round(height)}`,
    (width / height).toFixed(2),
    zoom.toFixed(3),
    `${crossings(d.edges)} / ${crossings(d.edges.filter((e) => e.link))}`,
    `${through.all} / ${through.links}`,
    overlaps(d),
    k(edgeLength(d.edges)),
    ms(runMs),
  ];
}

async function timed<T>(runs: number, fn: () => T | Promise<T>): Promise<{ value: T; ms: number }> {
  let value = await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    value = await fn();
    samples.push(performance.now() - t0);
  }
  return { value, ms: percentile(samples, 50) };
}

export async function run(options: { smoke?: boolean } = {}): Promise<BenchTable[]> {
  const maps: [string, MapDocument][] = [
    ['example', createExampleMap('2026-01-01T00:00:00.000Z')],
    ...(options.smoke ? [150] : [150, 500, 2000]).map((n): [string, MapDocument] => [
      `${n} goals`,
      generateMap(n),
    ]),
  ];
  const elk = new ELK();
  const rows: (string | number)[][] = [];
  for (const [name, doc] of maps) {
    const input = toLayoutInput(doc);
    const runs = options.smoke ? 1 : doc.goals.length > 1000 ? 3 : 5;
    const ours = await timed(runs, () => computeLayout(input));
    rows.push(qualityRow(`${name}: ours`, ourDrawing(input, ours.value), ours.ms));
    const theirs = await timed(runs, () => elkDrawing(elk, input));
    rows.push(qualityRow(`${name}: ELK layered`, theirs.value, theirs.ms));
  }
  return [
    {
      title: 'Layout quality: our layout against ELK layered on the same graph and box sizes',
      columns: [
        'map: layout',
        'width × height',
        'aspect',
        'zoom to fit 1440×900',
        'crossings (all / goal links)',
        'edges through a box (all / goal links)',
        'overlaps',
        'edge length',
        'run ms (median)',
      ],
      rows,
      note:
        'Targets: zoom to fit ≥ 0.5 (example), ≥ 0.23 (150), ≥ 0.13 (500), ≥ 0.07 (2,000); ' +
        'crossings ≤ ELK; 0 edges through a box; 0 overlaps; run time ≤ 1/10 of ELK. Edges are ' +
        'measured as drawn (ELK: its orthogonal routes).',
    },
  ];
}
