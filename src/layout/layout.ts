import { routeEdges } from '../domain/edgeRoutes';
import { routeKey, type LinkRoutes, type Rect } from '../domain/routeGeometry';
import type { LayoutInput, LayoutNodeInput, LayoutPositions } from '../domain/layoutTypes';
import { buildLayoutGraph, type LayoutGraph } from './layoutGraph';
import { clearPinned, type PlacedBox } from './layoutPins';
import { GAP_PARENT, GAP_X, MARGIN, placeTree, type TreePlacement } from './layoutPlace';
import { inOrientation } from './transpose';

/** The screen shape the map is fitted to when the caller does not say (a 1440×900 laptop). */
export const DEFAULT_ASPECT = 1440 / 900;
/** Row widths tried, from one block per row to no wrapping at all, spaced evenly in log scale. */
const ROW_WIDTH_STEPS = 16;

/**
 * People go in a band below the goals, so their ties never cut through the tree: ordered by the
 * mean centre of the goals they hold (people who hold none last, in the order they were added)
 * and wrapped into rows no wider than the tree.
 */
function placePeople(
  people: readonly LayoutNodeInput[],
  anchor: ReadonlyMap<string, number>,
  tree: TreePlacement,
): { positions: Map<string, { x: number; y: number }>; bottom: number } {
  const keyed = people
    .map((s, i) => ({ s, key: anchor.get(s.id) ?? Infinity, i }))
    .sort((a, b) => a.key - b.key || a.i - b.i);
  const positions = new Map<string, { x: number; y: number }>();
  const right = Math.max(tree.width - MARGIN, MARGIN + (people[0]?.width ?? 0));
  let [x, y, rowHeight] = [MARGIN, tree.height + GAP_PARENT, 0];
  for (const { s } of keyed) {
    if (x > MARGIN && x + s.width > right) [x, y, rowHeight] = [MARGIN, y + rowHeight + GAP_X, 0];
    positions.set(s.id, { x, y });
    x += s.width + GAP_X;
    rowHeight = Math.max(rowHeight, s.height);
  }
  return { positions, bottom: y + rowHeight + MARGIN };
}

/** Each tie as the person's id and the index of the goal held, found once for every row width. */
type Holdings = readonly (readonly [string, number])[];

function holdingsOf(input: LayoutInput, graph: LayoutGraph): Holdings {
  const at = new Map(graph.ids.map((id, v) => [id, v]));
  return input.incentives.flatMap((i) => {
    const v = at.get(i.goalId);
    return v === undefined ? [] : [[i.stakeholderId, v] as const];
  });
}

/** Mean centre x of the goals each person holds. */
function heldCentres(holdings: Holdings, graph: LayoutGraph, tree: TreePlacement) {
  const sums = new Map<string, [number, number]>();
  for (const [person, v] of holdings) {
    const [sum, count] = sums.get(person) ?? [0, 0];
    sums.set(person, [sum + (tree.x[v] ?? 0) + (graph.width[v] ?? 0) / 2, count + 1]);
  }
  return new Map([...sums].map(([id, [sum, count]]) => [id, sum / count]));
}

interface Candidate {
  readonly tree: TreePlacement;
  readonly people: Map<string, { x: number; y: number }>;
  readonly zoom: number;
}

function candidate(
  input: LayoutInput,
  graph: LayoutGraph,
  holdings: Holdings,
  rowWidth: number,
  aspect: number,
): Candidate {
  const tree = placeTree(graph, rowWidth);
  // People the user placed stay where put (pins); the band holds only the others.
  const unplaced = input.stakeholders.filter((s) => !s.pinned);
  const people = placePeople(unplaced, heldCentres(holdings, graph, tree), tree);
  const height = unplaced.length > 0 ? people.bottom : tree.height;
  return { tree, people: people.positions, zoom: Math.min(aspect / tree.width, 1 / height) };
}

/**
 * The row width at which the whole map, people included, fits a screen of the given aspect at
 * the largest zoom; ties go to the wider rows (fewer wraps).
 */
function bestFit(input: LayoutInput, graph: LayoutGraph, aspect: number): Candidate {
  let widest = 0;
  let total = 0;
  for (const w of graph.width) [widest, total] = [Math.max(widest, w), total + w + GAP_X];
  const [low, high] = [Math.max(1, widest), Math.max(widest, total)];
  const holdings = holdingsOf(input, graph);
  let best = candidate(input, graph, holdings, high, aspect);
  for (let k = ROW_WIDTH_STEPS - 1; k >= 0; k--) {
    const rowWidth = low * (high / low) ** (k / ROW_WIDTH_STEPS);
    const next = candidate(input, graph, holdings, rowWidth, aspect);
    if (next.zoom > best.zoom * 1.0001) best = next;
  }
  return best;
}

/**
 * Compact org-chart layout of the KPI tree, shaped to fit the screen: each goal on top of its
 * block with the goals that contribute to it in rows below (rows wrap at the width that makes
 * the whole map fit a screen of `input.aspect` best), leaves listed down a rail beside their
 * parent, a goal with several parents below all of them, and people in a band under the tree
 * near what they hold. Pinned nodes keep their place and the others step aside. Pure and
 * deterministic, O(n) per row width tried, so it runs in the layout worker and in tests.
 * Left to right, the same layout transposed: each goal left of its block, people in a band to
 * the right of the tree.
 */
export function computeLayout(input: LayoutInput): LayoutPositions {
  // The screen's shape is settled before a left-to-right map turns it on its side.
  return inOrientation({ ...input, aspect: input.aspect ?? DEFAULT_ASPECT }, layoutTopDown);
}

function layoutTopDown(input: LayoutInput): LayoutPositions {
  const graph = buildLayoutGraph(input);
  const { tree, people } = bestFit(input, graph, input.aspect ?? DEFAULT_ASPECT);
  const boxes = new Map<string, PlacedBox>();
  input.goals.forEach((g, v) => {
    const at = g.pinned ?? { x: tree.x[v] ?? 0, y: tree.y[v] ?? 0 };
    boxes.set(g.id, { ...at, width: g.width, height: g.height, pinned: !!g.pinned });
  });
  for (const s of input.stakeholders) {
    const at = s.pinned ?? people.get(s.id) ?? { x: 0, y: 0 };
    boxes.set(s.id, { ...at, width: s.width, height: s.height, pinned: !!s.pinned });
  }
  clearPinned([...boxes.values()]);
  // fromEntries defines each id as an own key, so an id like `__proto__` is a position too.
  return Object.fromEntries(
    [...boxes].map(([id, b]) => [
      id,
      b.pinned ? { x: b.x, y: b.y } : { x: Math.round(b.x), y: Math.round(b.y) },
    ]),
  );
}

/** Routes of every link for laid-out positions, keyed by routeKey(child, parent). */
export function routeLinks(input: LayoutInput, positions: LayoutPositions): LinkRoutes {
  const boxes = new Map<string, Rect>();
  for (const n of [...input.goals, ...input.stakeholders]) {
    const at = positions[n.id];
    if (at) boxes.set(n.id, { ...at, width: n.width, height: n.height });
  }
  const routes = routeEdges(boxes, input.links, {}, input.orientation);
  return Object.fromEntries(
    input.links.flatMap((l, k) => {
      const route = routes[k];
      return route ? [[routeKey(l.from, l.to), route]] : [];
    }),
  );
}
