import type { GoalId, StakeholderId } from '../../domain/ids';
import { NODE_SIZE, type LayoutPositions } from '../../domain/layoutTypes';
import type { MapDocument } from '../../domain/model';
import { goalNodeId, stakeholderNodeId } from '../../domain/nodeIds';
import { pathMiddle, type Point } from '../../domain/routeGeometry';
import { formatNumber } from '../xml';

/** A rectangle in flow coordinates (the canvas's own units, 1 unit = 1 px at zoom 1). */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface NodeBoxes {
  readonly goals: ReadonlyMap<GoalId, Box>;
  readonly stakeholders: ReadonlyMap<StakeholderId, Box>;
}

/** Room around the outermost nodes for the nearest-goal outline and a little air. */
export const EXPORT_MARGIN = 40;

/** What an empty map exports as: a small picture with a sentence, never a 0×0 image. */
export const EMPTY_VIEW: Box = { x: 0, y: 0, width: 480, height: 160 };

const ORIGIN = { x: 0, y: 0 };

/**
 * Where each node sits, exactly as the canvas places it: the layout's position (by node id), else
 * the node's saved one, else the origin; sizes from NODE_SIZE so the picture matches what is on
 * screen.
 */
export function nodeBoxes(doc: MapDocument, positions: LayoutPositions): NodeBoxes {
  const goals = new Map<GoalId, Box>();
  for (const goal of doc.goals) {
    const at = positionOf(positions, goalNodeId(goal.id)) ?? goal.position ?? ORIGIN;
    goals.set(goal.id, { x: at.x, y: at.y, ...NODE_SIZE[goal.kind] });
  }
  const stakeholders = new Map<StakeholderId, Box>();
  for (const s of doc.stakeholders) {
    const at = positionOf(positions, stakeholderNodeId(s.id)) ?? s.position ?? ORIGIN;
    stakeholders.set(s.id, { x: at.x, y: at.y, ...NODE_SIZE.stakeholder });
  }
  return { goals, stakeholders };
}

/** Own keys only: a goal called "constructor" must not find Object.prototype.constructor. */
function positionOf(positions: LayoutPositions, id: string): { x: number; y: number } | undefined {
  return Object.hasOwn(positions, id) ? positions[id] : undefined;
}

/**
 * The part of the map a picture shows: `region` (the current view) when it is a real rectangle,
 * otherwise every node plus EXPORT_MARGIN, so nothing is ever cropped.
 */
export function svgViewBox(
  doc: MapDocument,
  positions: LayoutPositions,
  region: Box | null = null,
): Box {
  if (region !== null && isUsableBox(region)) return region;
  return boundsOf(nodeBoxes(doc, positions));
}

/** Width and height in CSS pixels at 1×: multiply by the pixel ratio for a PNG's canvas. */
export function svgSize(
  doc: MapDocument,
  positions: LayoutPositions,
  region: Box | null = null,
): { readonly width: number; readonly height: number } {
  return pixelSize(svgViewBox(doc, positions, region));
}

export function pixelSize(view: Box): { readonly width: number; readonly height: number } {
  return { width: Math.ceil(view.width), height: Math.ceil(view.height) };
}

export function boundsOf(boxes: NodeBoxes): Box {
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const list of [boxes.goals.values(), boxes.stakeholders.values()]) {
    for (const box of list) {
      if (!isUsableBox(box)) continue;
      left = Math.min(left, box.x);
      top = Math.min(top, box.y);
      right = Math.max(right, box.x + box.width);
      bottom = Math.max(bottom, box.y + box.height);
    }
  }
  if (left === Infinity) return EMPTY_VIEW;
  return {
    x: left - EXPORT_MARGIN,
    y: top - EXPORT_MARGIN,
    width: right - left + 2 * EXPORT_MARGIN,
    height: bottom - top + 2 * EXPORT_MARGIN,
  };
}

function isUsableBox(box: Box): boolean {
  return (
    Number.isFinite(box.x) &&
    Number.isFinite(box.y) &&
    Number.isFinite(box.width) &&
    Number.isFinite(box.height) &&
    box.width > 0 &&
    box.height > 0
  );
}

/**
 * An edge as the canvas draws it: the orthogonal route around boxes (domain/edgeRoutes), as an
 * SVG path, with its midpoint for a label.
 */
export function routePath(route: readonly Point[]): { d: string; middle: Point } {
  const n = formatNumber;
  return {
    d: route.map((p, i) => `${i === 0 ? 'M' : 'L'}${n(p.x)},${n(p.y)}`).join(' '),
    middle: pathMiddle(route),
  };
}
