import type { MapDocument } from '../../domain/model';
import { goalNodeId, stakeholderNodeId } from '../../domain/nodeIds';
import type { Orientation } from '../../domain/orientation';
import { formatNumber, safeColor, type XmlDocument, type XmlElement } from '../xml';
import { routeEdges } from '../../domain/edgeRoutes';
import { type LinkRoutes, type Point } from '../../domain/routeGeometry';
import { TRADE_OFF_LOOK, tradeOffCurves, tradeOffPath } from '../../domain/tradeOffGeometry';
import { routePath, type Box, type NodeBoxes } from './geometry';
import { svgElement, svgText } from './nodes';
import { COLORS, DIM_OPACITY, type Emphasis } from './style';
import { estimateWidth } from './text';

/**
 * Arrowheads, one <marker> per colour in use, created on first use in `defs`. Returns the
 * `url(#…)` to reference; ids are numbered, so no user text ever reaches an id.
 */
export function arrowMarkers<E extends XmlElement<E>>(
  xml: XmlDocument<E>,
  defs: E,
): (color: string) => string {
  const ids = new Map<string, string>();
  return (color) => {
    const known = ids.get(color);
    if (known !== undefined) return `url(#${known})`;
    const id = `cg-arrow-${ids.size}`;
    ids.set(color, id);
    const marker = svgElement(xml, 'marker', {
      id,
      viewBox: '0 0 10 10',
      refX: 9,
      refY: 5,
      markerWidth: 14,
      markerHeight: 14,
      markerUnits: 'userSpaceOnUse',
      orient: 'auto',
    });
    marker.appendChild(svgElement(xml, 'path', { d: 'M0,0 L10,5 L0,10 z', fill: color }));
    defs.appendChild(marker);
    return `url(#${id})`;
  };
}

/** How links are routed: the canvas's routes to keep, and which way the tree runs. */
export interface Routing {
  readonly known?: LinkRoutes | undefined;
  readonly orientation?: Orientation | undefined;
}

/**
 * Routes for edges between the drawn boxes, by edge, in the order given (null: an end is gone);
 * edges name their ends by node id, as the canvas does, so a goal and a person sharing an id
 * keep their own boxes. `known` routes (the canvas's) are kept while their ends are where they
 * were.
 */
function routesFor(
  boxes: NodeBoxes,
  edges: readonly { readonly from: string; readonly to: string }[],
  { known, orientation }: Routing = {},
  keepClearOf: readonly (readonly Point[])[] = [],
): (readonly Point[] | null)[] {
  const all = new Map<string, Box>();
  for (const [id, box] of boxes.goals) all.set(goalNodeId(id), box);
  for (const [id, box] of boxes.stakeholders) all.set(stakeholderNodeId(id), box);
  return routeEdges(all, edges, known, orientation, keepClearOf);
}

/** Each link's ends by node id. */
const linkEnds = (doc: MapDocument) =>
  doc.links.map((l) => ({ from: goalNodeId(l.from), to: goalNodeId(l.to) }));

/**
 * "Contributes to" links from the child's top up to the parent's bottom (left side to right
 * side when the tree runs left to right), arrow at the parent, along the same routes as on the
 * canvas.
 * Links on a party's path are thick in that party's colour; the others dim while highlighting.
 */
export function drawLinks<E extends XmlElement<E>>(
  xml: XmlDocument<E>,
  doc: MapDocument,
  boxes: NodeBoxes,
  emphasis: Emphasis,
  arrow: (color: string) => string,
  routing?: Routing,
): E {
  const layer = svgElement(xml, 'g', { class: 'cg-links', fill: 'none' });
  const routes = routesFor(boxes, linkEnds(doc), routing);
  doc.links.forEach((link, k) => {
    const route = routes[k];
    if (!route) return;
    const pathColor = emphasis.linkColor(link.from, link.to);
    const color = pathColor ?? COLORS.edge;
    const path = svgElement(xml, 'path', {
      d: routePath(route).d,
      stroke: color,
      'stroke-width': pathColor === undefined ? 1.5 : 4,
      'marker-end': arrow(color),
    });
    if (emphasis.active && pathColor === undefined)
      path.setAttribute('opacity', String(DIM_OPACITY));
    layer.appendChild(path);
  });
  return layer;
}

const LABEL_SIZE = 12;

/**
 * The ties of a highlight's parties, from the person's pill up to the goal, in the person's
 * colour (dashed for "motivated") and labelled with the kind, as the canvas draws them in a
 * common-ground view. Other ties show as chips on their goals, as on the canvas: drawn in full
 * they cross the whole tree, and routing them around every box is most of a big map's export.
 */
export function drawIncentives<E extends XmlElement<E>>(
  xml: XmlDocument<E>,
  doc: MapDocument,
  boxes: NodeBoxes,
  emphasis: Emphasis,
  routing: Routing = {},
): E {
  const layer = svgElement(xml, 'g', { class: 'cg-incentives' });
  const colorOf = new Map(doc.stakeholders.map((s) => [s.id, safeColor(s.color, COLORS.edge)]));
  const shown = doc.incentives.filter((i) => emphasis.isParty(i.stakeholderId));
  // As on the canvas: each tie crosses as few of the links' routes as it can.
  const links = shown.length === 0 ? [] : routesFor(boxes, linkEnds(doc), routing);
  const routes = routesFor(
    boxes,
    shown.map((i) => ({ from: stakeholderNodeId(i.stakeholderId), to: goalNodeId(i.goalId) })),
    { orientation: routing.orientation },
    links.flatMap((route) => (route ? [route] : [])),
  );
  shown.forEach((incentive, k) => {
    const route = routes[k];
    if (!route) return;
    const color = colorOf.get(incentive.stakeholderId) ?? COLORS.edge;
    const curve = routePath(route);
    const group = svgElement(xml, 'g', { class: `cg-incentive cg-incentive--${incentive.kind}` });
    const path = svgElement(xml, 'path', {
      d: curve.d,
      fill: 'none',
      stroke: color,
      'stroke-width': 2,
    });
    if (incentive.kind === 'motivated') path.setAttribute('stroke-dasharray', '6 4');
    group.appendChild(path);
    group.appendChild(edgeLabel(xml, incentive.kind, curve.middle, color));
    layer.appendChild(group);
  });
  return layer;
}

/**
 * Trade-offs as on the canvas: a dashed curve between the goals' sides, around other boxes, labelled
 * "⇄ trades off" on a pad outlined in the same colour; dimmed while a common-ground view is open.
 */
export function drawTradeOffs<E extends XmlElement<E>>(
  xml: XmlDocument<E>,
  doc: MapDocument,
  boxes: NodeBoxes,
  emphasis: Emphasis,
): E {
  const { color, dash, width, label } = TRADE_OFF_LOOK;
  const layer = svgElement(xml, 'g', { class: 'cg-trade-offs' });
  if (emphasis.active) layer.setAttribute('opacity', String(DIM_OPACITY));
  const curves = tradeOffCurves(
    boxes.goals,
    [...boxes.goals.values(), ...boxes.stakeholders.values()],
    doc.tradeOffs,
  );
  for (const tradeOff of doc.tradeOffs) {
    const bent = curves.get(tradeOff.id);
    if (!bent) continue;
    const curve = tradeOffPath(bent, formatNumber);
    const group = svgElement(xml, 'g', { class: 'cg-trade-off' });
    group.appendChild(
      svgElement(xml, 'path', {
        d: curve.d,
        fill: 'none',
        stroke: color,
        'stroke-width': width,
        'stroke-dasharray': dash,
      }),
    );
    group.appendChild(edgeLabel(xml, label, curve.middle, color, color));
    layer.appendChild(group);
  }
  return layer;
}

/** A kind label on a white pad at the middle of an edge, as React Flow draws edge labels. */
function edgeLabel<E extends XmlElement<E>>(
  xml: XmlDocument<E>,
  text: string,
  at: Point,
  color: string,
  outline?: string,
): E {
  const label = svgElement(xml, 'g');
  const width = estimateWidth(text, LABEL_SIZE, 0.6) + 10;
  const pad = { x: at.x - width / 2, y: at.y - 9, width, height: 18, rx: 4, fill: COLORS.white };
  const rect = svgElement(xml, 'rect', pad);
  if (outline !== undefined) rect.setAttribute('stroke', outline);
  label.appendChild(rect);
  label.appendChild(
    svgText(xml, text, {
      x: at.x,
      y: at.y + 4,
      fill: color,
      'font-size': LABEL_SIZE,
      'font-weight': 600,
      'text-anchor': 'middle',
    }),
  );
  return label;
}
