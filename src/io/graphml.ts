/**
 * GraphML export for graph tools (yEd, Gephi, networkx): goals and stakeholders as nodes, links
 * and incentives as directed edges, every field as a declared attribute. yEd's own graphics
 * (labels, colours, positions) ride along in its namespace; other tools skip them.
 */
import type { LayoutPositions } from '../domain/layoutTypes';
import type { Goal, GoalKind, Incentive, MapDocument, Stakeholder } from '../domain/model';
import { nodeBoxes, type Box } from './svg/geometry';
import {
  XML_DECLARATION,
  createElement,
  safeColor,
  type XmlDocument,
  type XmlElement,
  type XmlSerializer,
} from './xml';

export const GRAPHML_NS = 'http://graphml.graphdrawing.org/xmlns';
const YFILES_NS = 'http://www.yworks.com/xml/graphml';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

/** [key id, what it applies to, attribute name, type]; names are the model's field names. */
const KEYS: readonly (readonly [string, 'node' | 'edge', string, 'string' | 'double'])[] = [
  ['n_type', 'node', 'type', 'string'],
  ['n_id', 'node', 'recordId', 'string'],
  ['n_title', 'node', 'title', 'string'],
  ['n_kind', 'node', 'kind', 'string'],
  ['n_description', 'node', 'description', 'string'],
  ['n_unit', 'node', 'unit', 'string'],
  ['n_current', 'node', 'current', 'double'],
  ['n_target', 'node', 'target', 'double'],
  ['n_direction', 'node', 'direction', 'string'],
  ['n_name', 'node', 'name', 'string'],
  ['n_role', 'node', 'role', 'string'],
  ['n_team', 'node', 'team', 'string'],
  ['n_color', 'node', 'color', 'string'],
  ['n_notes', 'node', 'notes', 'string'],
  ['n_owner', 'node', 'owner', 'string'],
  ['e_type', 'edge', 'type', 'string'],
  ['e_id', 'edge', 'recordId', 'string'],
  ['e_kind', 'edge', 'kind', 'string'],
  ['e_weight', 'edge', 'weight', 'double'],
  ['e_note', 'edge', 'note', 'string'],
];

/** yEd's look for each kind of node, after the canvas: [fill, border, text]. */
const LOOKS: Readonly<Record<GoalKind | 'stakeholder', readonly [string, string, string]>> = {
  mission: ['#1b2a41', '#1b2a41', '#ffffff'],
  objective: ['#ffffff', '#364fc7', '#1f2933'],
  kpi: ['#ffffff', '#adb5bd', '#1f2933'],
  stakeholder: ['#ffffff', '#5f6b76', '#1f2933'],
};

type Data = Readonly<Record<string, string | number | null | undefined>>;

export interface GraphMlOptions {
  /** Where nodes sit on the canvas, so yEd opens the map laid out as on screen. */
  readonly positions?: LayoutPositions;
}

/**
 * The map as a GraphML file, built with `xml`'s DOM methods. Node ids are positional (g0, s0):
 * a goal and a stakeholder may share an id, and GraphML needs them unique; the map's own id
 * travels as the `recordId` attribute (networkx keeps `id` for the edge id).
 */
export function exportGraphMl<E extends XmlElement<E>>(
  doc: MapDocument,
  xml: XmlDocument<E>,
  serializer: XmlSerializer<NoInfer<E>>,
  options: GraphMlOptions = {},
): string {
  const root = createElement(xml, GRAPHML_NS, 'graphml');
  root.setAttributeNS(XMLNS_NS, 'xmlns:y', YFILES_NS);
  for (const [id, target, name, type] of KEYS) {
    const attributes = { id, for: target, 'attr.name': name, 'attr.type': type };
    root.appendChild(createElement(xml, GRAPHML_NS, 'key', attributes));
  }
  for (const target of ['node', 'edge']) {
    const attributes = {
      id: `${target}_graphics`,
      for: target,
      'yfiles.type': `${target}graphics`,
    };
    root.appendChild(createElement(xml, GRAPHML_NS, 'key', attributes));
  }
  root.appendChild(buildGraph(doc, xml, options.positions ?? {}));
  return XML_DECLARATION + serializer.serializeToString(root);
}

function buildGraph<E extends XmlElement<E>>(
  doc: MapDocument,
  xml: XmlDocument<E>,
  positions: LayoutPositions,
): E {
  const graph = createElement(xml, GRAPHML_NS, 'graph', { id: 'map', edgedefault: 'directed' });
  const boxes = nodeBoxes(doc, positions);
  const goalNodes = new Map<string, string>(doc.goals.map((g, i) => [g.id, `g${i}`]));
  const personNodes = new Map<string, string>(doc.stakeholders.map((s, i) => [s.id, `s${i}`]));
  const colorOf = new Map(doc.stakeholders.map((s) => [s.id, safeColor(s.color, '#5f6b76')]));
  doc.goals.forEach((goal, i) => {
    const look = nodeLook(xml, boxes.goals.get(goal.id), LOOKS[goal.kind], goal.title);
    graph.appendChild(nodeElement(xml, `g${i}`, goalData(goal), look));
  });
  doc.stakeholders.forEach((s, i) => {
    const [fill, , text] = LOOKS.stakeholder;
    const colors: readonly [string, string, string] = [fill, colorOf.get(s.id) ?? fill, text];
    const look = nodeLook(xml, boxes.stakeholders.get(s.id), colors, s.name);
    graph.appendChild(nodeElement(xml, `s${i}`, stakeholderData(s), look));
  });
  const ends = (source: string | undefined, target: string | undefined) =>
    source === undefined || target === undefined ? null : { source, target };
  doc.links.forEach((link, i) => {
    const between = ends(goalNodes.get(link.from), goalNodes.get(link.to));
    const look = edgeLook(xml, '#868e96', false, null);
    const data = { e_type: 'link', e_id: link.id };
    if (between) graph.appendChild(edgeElement(xml, `l${i}`, between, data, look));
  });
  doc.incentives.forEach((incentive, i) => {
    const between = ends(personNodes.get(incentive.stakeholderId), goalNodes.get(incentive.goalId));
    const color = colorOf.get(incentive.stakeholderId) ?? '#868e96';
    const look = edgeLook(xml, color, incentive.kind === 'motivated', incentive.kind);
    if (between)
      graph.appendChild(edgeElement(xml, `i${i}`, between, incentiveData(incentive), look));
  });
  // Trade-offs have no direction; yEd draws them dashed, other tools read type="trade-off".
  doc.tradeOffs.forEach((tradeOff, i) => {
    const between = ends(goalNodes.get(tradeOff.a), goalNodes.get(tradeOff.b));
    const look = edgeLook(xml, '#c92a2a', true, 'trades off against');
    const data = { e_type: 'trade-off', e_id: tradeOff.id, e_note: tradeOff.note };
    if (between) {
      graph.appendChild(edgeElement(xml, `t${i}`, { ...between, directed: 'false' }, data, look));
    }
  });
  doc.reportingLines.forEach((line, i) => {
    const between = ends(personNodes.get(line.from), personNodes.get(line.to));
    const look = edgeLook(xml, '#5f6b76', false, 'reports to');
    const data = { e_type: 'reporting-line', e_id: line.id };
    if (between) graph.appendChild(edgeElement(xml, `r${i}`, between, data, look));
  });
  return graph;
}

function nodeElement<E extends XmlElement<E>>(
  xml: XmlDocument<E>,
  id: string,
  data: Data,
  look: E,
): E {
  const node = createElement(xml, GRAPHML_NS, 'node', { id });
  appendData(xml, node, data);
  node.appendChild(graphics(xml, 'node_graphics', look));
  return node;
}

function edgeElement<E extends XmlElement<E>>(
  xml: XmlDocument<E>,
  id: string,
  /** `directed: 'false'` overrides the graph's default for an undirected edge (a trade-off). */
  between: { readonly source: string; readonly target: string; readonly directed?: string },
  data: Data,
  look: E,
): E {
  const edge = createElement(xml, GRAPHML_NS, 'edge', { id, ...between });
  appendData(xml, edge, data);
  edge.appendChild(graphics(xml, 'edge_graphics', look));
  return edge;
}

function graphics<E extends XmlElement<E>>(xml: XmlDocument<E>, key: string, look: E): E {
  const data = createElement(xml, GRAPHML_NS, 'data', { key });
  data.appendChild(look);
  return data;
}

function goalData(goal: Goal): Data {
  return {
    n_type: 'goal',
    n_id: goal.id,
    n_title: goal.title,
    n_kind: goal.kind,
    n_description: goal.description,
    n_unit: goal.metric?.unit,
    n_current: goal.metric?.current,
    n_target: goal.metric?.target,
    n_direction: goal.metric?.direction,
    n_owner: goal.owner,
  };
}

function stakeholderData(s: Stakeholder): Data {
  return {
    n_type: 'stakeholder',
    n_id: s.id,
    n_name: s.name,
    n_role: s.role,
    n_team: s.team,
    n_color: s.color,
    n_notes: s.notes,
  };
}

function incentiveData(incentive: Incentive): Data {
  return {
    e_type: 'incentive',
    e_id: incentive.id,
    e_kind: incentive.kind,
    e_weight: incentive.weight,
    e_note: incentive.note,
  };
}

/** One <data> per value; null and undefined (no metric, no weight) are left out. */
function appendData<E extends XmlElement<E>>(xml: XmlDocument<E>, element: E, data: Data): void {
  for (const [key, value] of Object.entries(data)) {
    if (value === null || value === undefined) continue;
    const child = createElement(xml, GRAPHML_NS, 'data', { key });
    child.textContent = String(value);
    element.appendChild(child);
  }
}

function yElement<E extends XmlElement<E>>(
  xml: XmlDocument<E>,
  name: string,
  attributes: Readonly<Record<string, string | number>> = {},
): E {
  return createElement(xml, YFILES_NS, `y:${name}`, attributes);
}

function nodeLook<E extends XmlElement<E>>(
  xml: XmlDocument<E>,
  box: Box | undefined,
  [fill, border, text]: readonly [string, string, string],
  label: string,
): E {
  const shape = yElement(xml, 'ShapeNode');
  if (box !== undefined) {
    shape.appendChild(
      yElement(xml, 'Geometry', { x: box.x, y: box.y, width: box.width, height: box.height }),
    );
  }
  shape.appendChild(yElement(xml, 'Fill', { color: fill, transparent: 'false' }));
  shape.appendChild(yElement(xml, 'BorderStyle', { color: border, type: 'line', width: 2 }));
  const nodeLabel = yElement(xml, 'NodeLabel', { textColor: text });
  nodeLabel.textContent = label;
  shape.appendChild(nodeLabel);
  shape.appendChild(yElement(xml, 'Shape', { type: 'roundrectangle' }));
  return shape;
}

function edgeLook<E extends XmlElement<E>>(
  xml: XmlDocument<E>,
  color: string,
  dashed: boolean,
  label: string | null,
): E {
  const line = yElement(xml, 'PolyLineEdge');
  line.appendChild(
    yElement(xml, 'LineStyle', { color, type: dashed ? 'dashed' : 'line', width: 2 }),
  );
  line.appendChild(yElement(xml, 'Arrows', { source: 'none', target: 'standard' }));
  if (label !== null) {
    const edgeLabel = yElement(xml, 'EdgeLabel', { textColor: color });
    edgeLabel.textContent = label;
    line.appendChild(edgeLabel);
  }
  return line;
}
