/**
 * Export formats on big maps in node (xmldom standing in for the browser's DOM): SVG build and
 * serialisation at 500 and 2,000 goals against a bare DOM of one <rect> per node, then the other
 * formats at 2,000 goals against the library work they stand on.
 */
import { DOMImplementation, XMLSerializer } from '@xmldom/xmldom';
import Papa from 'papaparse';
import { asGoalId, asIncentiveId, asLinkId, asMapId, asStakeholderId } from '../../src/domain/ids';
import type { LayoutPositions } from '../../src/domain/layoutTypes';
import type { Goal, MapDocument } from '../../src/domain/model';
import { exportGoalsCsv, parseGoalCsv, planCsvImport } from '../../src/io/csv';
import { GRAPHML_NS, exportGraphMl } from '../../src/io/graphml';
import { exportMapJson } from '../../src/io/json';
import { exportMermaid } from '../../src/io/mermaid';
import { embedMapInPng, extractMapFromPng } from '../../src/io/png';
import { SVG_NS, renderMapSvg, serializeSvg } from '../../src/io/svg';
import { ms, percentile, samplerFor } from './table';
import type { BenchTable, Sampler, SuiteOptions } from './table';
import { goalNodeId, stakeholderNodeId } from '../../src/domain/nodeIds';

const CHILDREN = 4;

/** A tree of goals, CHILDREN under each, laid out in rows by level as the canvas would. */
function bigMap(goalCount: number): { doc: MapDocument; positions: LayoutPositions } {
  const goals: Goal[] = Array.from({ length: goalCount }, (_, i) => ({
    id: asGoalId(`g${i}`),
    title: `Goal number ${i} with a title long enough to wrap onto a second line`,
    kind: i === 0 ? 'mission' : i < 100 ? 'objective' : 'kpi',
    description: '',
    metric: i >= 100 ? { unit: '%', current: i % 97, target: 100, direction: 'up' } : null,
    position: null,
    owner: null,
  }));
  const links = goals.slice(1).map((goal, k) => ({
    id: asLinkId(`l${k}`),
    from: goal.id,
    to: asGoalId(`g${Math.floor(k / CHILDREN)}`),
  }));
  const people = Math.floor(goalCount / 20);
  const stakeholders = Array.from({ length: people }, (_, s) => ({
    id: asStakeholderId(`s${s}`),
    name: `Stakeholder ${s}`,
    role: 'Head of something',
    team: `Team ${s % 7}`,
    color: '#1864ab',
    notes: '',
    position: null,
  }));
  const incentives = stakeholders.map((s, k) => ({
    id: asIncentiveId(`i${k}`),
    stakeholderId: s.id,
    goalId: asGoalId(`g${(k * 7919) % goalCount}`),
    kind: 'measured' as const,
    weight: 0.5,
    note: '',
  }));
  const map = {
    id: asMapId('bench'),
    name: 'Bench',
    description: '',
    createdAt: '',
    updatedAt: '',
  };
  const doc = {
    map,
    goals,
    links,
    stakeholders,
    incentives,
    conflicts: [],
    tradeOffs: [],
    reportingLines: [],
  };
  return { doc, positions: rowsByLevel(doc) };
}

function rowsByLevel(doc: MapDocument): LayoutPositions {
  const positions: Record<string, { x: number; y: number }> = {};
  const perLevel: number[] = [];
  doc.goals.forEach((goal, i) => {
    const level = i === 0 ? 0 : Math.floor(Math.log(i * (CHILDREN - 1) + 1) / Math.log(CHILDREN));
    const column = perLevel[level] ?? 0;
    perLevel[level] = column + 1;
    positions[goalNodeId(goal.id)] = { x: column * 300, y: level * 180 };
  });
  doc.stakeholders.forEach(
    (s, i) => (positions[stakeholderNodeId(s.id)] = { x: i * 220, y: perLevel.length * 180 }),
  );
  return positions;
}

const svgDocument = () => new DOMImplementation().createDocument(SVG_NS, 'svg', null);

/** Elements in a serialised document: every start tag. */
const elementCount = (markup: string): number => markup.match(/<[A-Za-z]/g)?.length ?? 0;

/**
 * The floor: as many elements as the real export has, in groups of eight with two attributes
 * each, created in the same DOM and serialised. What is left over is the export's own work.
 */
function domFloor(namespace: string, count: number): string {
  const xml = new DOMImplementation().createDocument(namespace, 'root', null);
  const root = xml.createElementNS(namespace, 'g');
  for (let made = 0; made < count; made += 8) {
    const group = xml.createElementNS(namespace, 'g');
    for (let k = 0; k < 7; k++) {
      const element = xml.createElementNS(namespace, 'rect');
      element.setAttribute('x', String(made + k));
      element.setAttribute('y', '0');
      group.appendChild(element);
    }
    root.appendChild(group);
  }
  return new XMLSerializer().serializeToString(root);
}

type Row = (string | number)[];

function row(
  sample: Sampler,
  label: string,
  operation: string,
  ours: () => unknown,
  iterations: number,
  baseline?: () => unknown,
): Row {
  const oursMs = sample(ours, iterations, 3);
  const p50 = percentile(oursMs, 50);
  const base = baseline && percentile(sample(baseline, iterations, 3), 50);
  return [
    label,
    operation,
    ms(p50),
    ms(percentile(oursMs, 95)),
    base === undefined ? '—' : ms(base),
    base === undefined ? '—' : (p50 / base).toFixed(1),
  ];
}

const kb = (text: string | Uint8Array) =>
  `${((typeof text === 'string' ? text.length : text.byteLength) / 1024).toFixed(0)} kB`;

function svgRows(sizes: readonly number[], sample: Sampler): Row[] {
  return sizes.flatMap((goalCount) => {
    const { doc, positions } = bigMap(goalCount);
    const svg = serializeSvg(renderMapSvg(doc, positions, {}, svgDocument()), new XMLSerializer());
    const label = `${goalCount.toLocaleString('en')} goals (${kb(svg)})`;
    const iterations = goalCount >= 2_000 ? 8 : 30;
    return [
      row(
        sample,
        label,
        'SVG build',
        () => renderMapSvg(doc, positions, {}, svgDocument()),
        iterations,
      ),
      row(
        sample,
        label,
        'SVG build + serialise',
        () => serializeSvg(renderMapSvg(doc, positions, {}, svgDocument()), new XMLSerializer()),
        iterations,
        () => domFloor(SVG_NS, elementCount(svg)),
      ),
    ];
  });
}

function otherRows(goalCount: number, sample: Sampler): Row[] {
  const { doc, positions } = bigMap(goalCount);
  const csv = exportGoalsCsv(doc);
  const json = exportMapJson(doc);
  const png = embedMapInPng(TINY_PNG, json);
  const graphMl = () =>
    exportGraphMl(
      doc,
      new DOMImplementation().createDocument(GRAPHML_NS, 'graphml', null),
      new XMLSerializer(),
      { positions },
    );
  const graphMlElements = elementCount(graphMl());
  const label = `${goalCount.toLocaleString('en')} goals`;
  return [
    row(
      sample,
      label,
      `CSV export (${kb(csv)})`,
      () => exportGoalsCsv(doc),
      20,
      () => Papa.unparse(Papa.parse<string[]>(csv).data),
    ),
    row(
      sample,
      label,
      'CSV parse + plan into a new map',
      () => planCsvImport(null, parseGoalCsv(csv).rows),
      20,
      () => Papa.parse(csv),
    ),
    row(
      sample,
      label,
      'CSV re-import into the same map',
      () => planCsvImport(doc, parseGoalCsv(csv).rows),
      20,
    ),
    row(sample, label, `Mermaid export (${kb(exportMermaid(doc))})`, () => exportMermaid(doc), 20),
    row(sample, label, 'GraphML export', graphMl, 5, () => domFloor(GRAPHML_NS, graphMlElements)),
    row(
      sample,
      label,
      `PNG embed map JSON (${kb(json)})`,
      () => embedMapInPng(TINY_PNG, json),
      20,
      () => new TextEncoder().encode(json),
    ),
    row(
      sample,
      label,
      'PNG extract map JSON',
      () => extractMapFromPng(png),
      20,
      () => new TextDecoder().decode(png),
    ),
  ];
}

/** A 1×1 PNG: embedding cost depends on the JSON, not the picture. */
const TINY_PNG = Uint8Array.from(
  atob(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  ),
  (c) => c.charCodeAt(0),
);

const SVG_SIZES = [500, 2_000] as const;
/** The other formats are measured at the largest SVG size only. */
const OTHER_SIZE = 2_000;

export function run(options: SuiteOptions = {}): Promise<BenchTable[]> {
  const sample = samplerFor(options);
  const svgSizes = options.smoke ? SVG_SIZES.slice(0, 1) : SVG_SIZES;
  const otherSize = options.smoke ? SVG_SIZES[0] : OTHER_SIZE;
  const columns = ['map', 'operation', 'p50 ms', 'p95 ms', 'baseline p50 ms', 'ratio'];
  return Promise.resolve([
    {
      title: 'SVG export in node (xmldom)',
      columns,
      rows: svgRows(svgSizes, sample),
      note:
        'Baseline in the same run: as many bare elements as the SVG has, made in the same DOM ' +
        '(xmldom) and serialised; the browser builds the same tree in its native DOM. SVG build ' +
        'draws boxes, wrapped titles, metric lines, links with arrowheads and labelled incentive ' +
        'edges. ratio = ours / baseline.',
    },
    {
      title: `Other export and import formats at ${otherSize.toLocaleString('en')} goals`,
      columns,
      rows: otherRows(otherSize, sample),
      note:
        'Baselines: CSV export vs Papa.unparse of the parsed rows; CSV import vs Papa.parse alone; ' +
        'GraphML vs as many bare elements in the same DOM; PNG embed vs UTF-8 encoding the JSON, extract vs decoding the file as UTF-8. — where no baseline fits.',
    },
  ]);
}
