/**
 * Picture exports, loaded on demand with the image dialog (not on the first screen): they pull in
 * the SVG renderer and the PNG chunk writer.
 */
import type { LinkRoutes } from '../../domain/routeGeometry';
import type { LayoutPositions } from '../../domain/layoutTypes';
import type { MapDocument } from '../../domain/model';
import type { Orientation } from '../../domain/orientation';
import { exportMapJson } from '../../io/json';
import { embedMapInPng } from '../../io/png';
import {
  renderMapSvg,
  serializeSvg,
  svgSize,
  SVG_NS,
  type Box,
  type SvgHighlight,
} from '../../io/svg';
import { downloadBlob, downloadText, fileNameFor } from './download';
import { fitToPrint, rasterizeSvg, type FittedSize } from './rasterize';

/** What a picture shows: the map as laid out on the canvas, and which part of it. */
export interface PictureInput {
  readonly doc: MapDocument;
  readonly positions: LayoutPositions;
  readonly highlight: SvgHighlight | null;
  /** The current view in flow coordinates; null for the whole map. */
  readonly region: Box | null;
  /** The links' routes on the canvas, so the picture routes only what moved since; absent: all. */
  readonly linkRoutes?: LinkRoutes;
  /** Which way the tree runs on the canvas; top-down when absent. */
  readonly orientation?: Orientation;
}

/** The picture as standalone SVG markup and its size in CSS pixels at 1×. */
function renderSvg(input: PictureInput): { element: Element; width: number; height: number } {
  const { doc, positions, highlight, region, linkRoutes, orientation } = input;
  const xml = document.implementation.createDocument(SVG_NS, 'svg', null);
  const options = { highlight, region, linkRoutes, orientation };
  const element = renderMapSvg<Element>(doc, positions, options, xml);
  return { element, ...svgSize(doc, positions, region) };
}

const serialize = (element: Element): string => serializeSvg(element, new XMLSerializer());

/** The picture as standalone SVG markup, e.g. for an <img> from a blob URL. */
export function pictureMarkup(input: PictureInput): string {
  return serialize(renderSvg(input).element);
}

export function exportSvg(input: PictureInput): void {
  downloadText(pictureMarkup(input), fileNameFor(input.doc.map.name, 'svg'), 'image/svg+xml');
}

/**
 * Text drawn smaller than this many pixels on the PNG is an unreadable smudge (titles at 3 px
 * can still just be made out). Leaving it out of huge maps (thousands of goals squeezed into A3 at
 * 300 dpi) makes them draw several times faster; the SVG export and the map inside the PNG
 * keep every word.
 */
const MIN_TEXT_PX = 3;

function dropUnreadableText(svg: Element, scale: number): void {
  for (const text of Array.from(svg.getElementsByTagName('text'))) {
    const fontSize = Number(text.getAttribute('font-size'));
    if (fontSize * scale < MIN_TEXT_PX) text.remove();
  }
}

/**
 * Rasterises the SVG at `scale` (reduced to fit A3 at 300 dpi if needed) and embeds
 * the map's JSON, so dropping the PNG back into the app reopens the map. Returns the size used.
 */
export async function exportPng(input: PictureInput, scale: number): Promise<FittedSize> {
  const { element, width, height } = renderSvg(input);
  const size = fitToPrint(width, height, scale);
  // At its final pixel size, the browser rasterises the picture once, straight onto the canvas.
  element.setAttribute('width', String(size.width));
  element.setAttribute('height', String(size.height));
  element.setAttribute('preserveAspectRatio', 'none');
  dropUnreadableText(element, size.scale);
  const svg = serialize(element);
  const png = await rasterizeSvg(svg, size);
  const withMap = embedMapInPng(png, exportMapJson(input.doc));
  // slice(): a Blob takes only ArrayBuffer-backed views, and the embedder's type does not promise one.
  const file = new Blob([withMap.slice()], { type: 'image/png' });
  downloadBlob(file, fileNameFor(input.doc.map.name, 'png'));
  return size;
}
