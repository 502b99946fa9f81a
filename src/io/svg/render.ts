import type { LinkRoutes } from '../../domain/routeGeometry';
import type { LayoutPositions } from '../../domain/layoutTypes';
import type { MapDocument } from '../../domain/model';
import type { Orientation } from '../../domain/orientation';
import {
  XML_DECLARATION,
  formatNumber,
  safeColor,
  type XmlDocument,
  type XmlElement,
  type XmlSerializer,
} from '../xml';
import { arrowMarkers, drawIncentives, drawLinks, drawTradeOffs } from './edges';
import { nodeBoxes, pixelSize, svgViewBox, type Box } from './geometry';
import { drawGoal, drawStakeholder, svgElement, svgText } from './nodes';
import { COLORS, FONT_FAMILY, toEmphasis, type SvgHighlight } from './style';

export interface SvgExportOptions {
  /** The open common-ground view, drawn as on the canvas; null or absent for a plain map. */
  readonly highlight?: SvgHighlight | null;
  /** The current view in flow coordinates; null or absent for the whole map. */
  readonly region?: Box | null;
  /** #rrggbb; white when absent or not a colour. */
  readonly background?: string;
  /** Link routes already found (the canvas's), kept where their ends have not moved. */
  readonly linkRoutes?: LinkRoutes;
  /** Which way the tree runs: edges join boxes top to bottom, or left to right. Top-down if absent. */
  readonly orientation?: Orientation;
}

/**
 * The map as an SVG element built with `xml`'s DOM methods: the browser passes
 * `document.implementation.createDocument(SVG_NS, 'svg', null)`, node passes an xmldom document.
 * Sized in CSS pixels at 1× (see svgSize) with a viewBox in flow coordinates.
 */
export function renderMapSvg<E extends XmlElement<E>>(
  doc: MapDocument,
  positions: LayoutPositions,
  options: SvgExportOptions,
  xml: XmlDocument<E>,
): E {
  const view = svgViewBox(doc, positions, options.region ?? null);
  const { width, height } = pixelSize(view);
  const root = svgElement(xml, 'svg', {
    width,
    height,
    viewBox: [view.x, view.y, view.width, view.height].map(formatNumber).join(' '),
    'font-family': FONT_FAMILY,
    role: 'img',
  });
  root.appendChild(svgText(xml, doc.map.name, {}, 'title'));
  const defs = svgElement(xml, 'defs');
  root.appendChild(defs);
  root.appendChild(
    svgElement(xml, 'rect', {
      x: view.x,
      y: view.y,
      width: view.width,
      height: view.height,
      fill: safeColor(options.background, COLORS.white),
    }),
  );
  if (doc.goals.length === 0 && doc.stakeholders.length === 0) {
    root.appendChild(emptyNotice(xml, view));
    return root;
  }
  const boxes = nodeBoxes(doc, positions);
  const emphasis = toEmphasis(options.highlight ?? null);
  const routing = { known: options.linkRoutes, orientation: options.orientation };
  root.appendChild(drawLinks(xml, doc, boxes, emphasis, arrowMarkers(xml, defs), routing));
  root.appendChild(drawTradeOffs(xml, doc, boxes, emphasis));
  root.appendChild(drawIncentives(xml, doc, boxes, emphasis, routing));
  const nodes = svgElement(xml, 'g', { class: 'cg-nodes' });
  const holders = holderColors(doc);
  for (const goal of doc.goals) {
    const box = boxes.goals.get(goal.id);
    if (box !== undefined)
      nodes.appendChild(drawGoal(xml, goal, box, emphasis, holders.get(goal.id)));
  }
  for (const stakeholder of doc.stakeholders) {
    const box = boxes.stakeholders.get(stakeholder.id);
    if (box !== undefined) nodes.appendChild(drawStakeholder(xml, stakeholder, box, emphasis));
  }
  root.appendChild(nodes);
  return root;
}

/** The colours of the people who hold each goal, in the order their incentives were added. */
function holderColors(doc: MapDocument): Map<string, string[]> {
  const colorOf = new Map(doc.stakeholders.map((s) => [s.id, s.color]));
  const byGoal = new Map<string, string[]>();
  for (const i of doc.incentives) {
    const color = colorOf.get(i.stakeholderId);
    if (color === undefined) continue;
    const colors = byGoal.get(i.goalId);
    if (colors) colors.push(color);
    else byGoal.set(i.goalId, [color]);
  }
  return byGoal;
}

/** An empty map still exports a readable picture rather than a blank one. */
function emptyNotice<E extends XmlElement<E>>(xml: XmlDocument<E>, view: Box): E {
  return svgText(xml, 'This map has no goals or stakeholders yet.', {
    x: view.x + view.width / 2,
    y: view.y + view.height / 2 + 6,
    fill: COLORS.muted,
    'font-size': 16,
    'text-anchor': 'middle',
  });
}

/** A standalone .svg file: the XML declaration, then the element as markup. */
export function serializeSvg<E>(element: E, serializer: XmlSerializer<E>): string {
  return XML_DECLARATION + serializer.serializeToString(element);
}
