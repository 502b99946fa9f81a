import type { LayoutInput, LayoutNodeInput, LayoutPositions } from '../domain/layoutTypes';
import { buildLayoutGraph } from './layoutGraph';
import { placeOrdered } from './layoutOrder';
import { clearPinned, type PlacedBox } from './layoutPins';
import { GAP_Y, MARGIN } from './layoutPlace';
import { GAP_X } from './layoutStack';

/** The laid-out tree as boxes, pinned nodes at their pins; unheld people are not in it. */
function treeBoxes(input: LayoutInput, held: ReadonlySet<string>): Map<string, PlacedBox> {
  const people = input.stakeholders.filter((s) => held.has(s.id));
  const graph = buildLayoutGraph(
    input,
    people.map((s) => s.id),
  );
  const placement = placeOrdered(graph);
  const nodes: LayoutNodeInput[] = [...input.goals, ...people];
  const boxes = new Map<string, PlacedBox>();
  nodes.forEach((node, v) => {
    const at = node.pinned ?? { x: placement.x[v] ?? 0, y: placement.y[v] ?? 0 };
    boxes.set(node.id, { ...at, width: node.width, height: node.height, pinned: !!node.pinned });
  });
  return boxes;
}

/**
 * People who hold no goal yet wait below the map in the order they were added, in rows no wider
 * than the map.
 */
function placeUnheld(input: LayoutInput, held: ReadonlySet<string>, boxes: Map<string, PlacedBox>) {
  let [right, bottom] = [0, MARGIN - GAP_Y];
  for (const b of boxes.values()) {
    right = Math.max(right, b.x + b.width);
    bottom = Math.max(bottom, b.y + b.height);
  }
  let [x, y, rowHeight] = [MARGIN, bottom + GAP_Y, 0];
  for (const s of input.stakeholders) {
    if (held.has(s.id)) continue;
    if (x > MARGIN && x + s.width > right) [x, y, rowHeight] = [MARGIN, y + rowHeight + GAP_X, 0];
    const at = s.pinned ?? { x, y };
    boxes.set(s.id, { ...at, width: s.width, height: s.height, pinned: !!s.pinned });
    x += s.width + GAP_X;
    rowHeight = Math.max(rowHeight, s.height);
  }
}

/**
 * Top-down layered layout of the KPI tree: the mission on top, each goal on the row of its level
 * below every goal it contributes to, children centred under their parent (a goal with two
 * parents sits under one of them, on the side of the other), many leaves of one parent stacked in
 * a compact block, and each person under the deepest goal they hold. Pinned nodes keep their
 * place and the others step aside. Pure (graph in, positions out) and linear-ish in map size, so
 * it runs in the layout worker and in tests.
 */
export function computeLayout(input: LayoutInput): LayoutPositions {
  const held = new Set(input.incentives.map((i) => i.stakeholderId));
  const boxes = treeBoxes(input, held);
  placeUnheld(input, held, boxes);
  clearPinned([...boxes.values()]);
  const positions: Record<string, { x: number; y: number }> = {};
  for (const [id, b] of boxes) {
    positions[id] = b.pinned ? { x: b.x, y: b.y } : { x: Math.round(b.x), y: Math.round(b.y) };
  }
  return positions;
}
