import { MarkerType, Position, type Edge, type Node } from '@xyflow/react';
import type { IncentiveId } from '../domain/ids';
import { NODE_SIZE, type LayoutPositions } from '../domain/layoutTypes';
import type { Orientation } from '../domain/orientation';
import type {
  Goal,
  Incentive,
  IncentiveKind,
  Link,
  MapDocument,
  Stakeholder,
} from '../domain/model';
import type { CollapseView } from './collapse';
import { goalNodeId, nodeId, stakeholderNodeId, type NodeKind } from '../domain/nodeIds';
import { edgeId, type EdgeKind } from './edgeIds';
import { linkKey, type HighlightLookup } from './highlight';
import { largeTitleRooms } from './titleRoom';
import { tradeOffEdge } from './tradeOffFlowEdge';

/** How strongly a node or edge is drawn while a common-ground view is open. */
export type Emphasis = 'normal' | 'path' | 'nearest' | 'dim';

export interface GoalNodeData extends Record<string, unknown> {
  readonly goal: Goal;
  readonly emphasis: Emphasis;
  /** Colours of the parties whose path passes through this goal. */
  readonly partyColors: readonly string[];
  readonly hasChildren: boolean;
  readonly collapsed: boolean;
  /** How many goals the fold hides (0 when not folded). */
  readonly hiddenBelow: number;
  /** The people who hold this goal, drawn as chips on it (their ties only when shown). */
  readonly holders: readonly Holder[];
  /** Everything the chips show, so a changed name or colour redraws the node. */
  readonly holdersKey: string;
  /** How wide the large title drawn zoomed far out may be without reaching a neighbour's. */
  readonly titleRoom: number;
}
/** A person's incentive on a goal, as the chip on the goal shows it. */
export interface Holder {
  readonly incentiveId: IncentiveId;
  readonly name: string;
  readonly color: string;
  readonly kind: IncentiveKind;
}
export interface StakeholderNodeData extends Record<string, unknown> {
  readonly stakeholder: Stakeholder;
  readonly emphasis: Emphasis;
  /** How wide the large name drawn zoomed out may be without reaching a neighbour's. */
  readonly nameRoom: number;
}
export type GoalFlowNode = Node<GoalNodeData, 'goal'>;
export type StakeholderFlowNode = Node<StakeholderNodeData, 'stakeholder'>;
export type MapFlowNode = GoalFlowNode | StakeholderFlowNode;

export interface IncentiveEdgeData extends Record<string, unknown> {
  readonly kind: IncentiveKind;
}

/** Everything besides the document that decides how nodes are drawn. */
export interface NodeView {
  /** Laid-out positions by node id (see nodeIds). */
  readonly positions: LayoutPositions;
  /** Positions of nodes being dragged right now, by node id; they win over everything else. */
  readonly dragging: ReadonlyMap<string, { x: number; y: number }>;
  readonly highlight: HighlightLookup;
  /** The canvas ids (node and edge ids) of everything selected. */
  readonly selectedIds: ReadonlySet<string>;
  readonly collapse: CollapseView;
  readonly collapsedIds: ReadonlySet<string>;
  /** Which way the tree grows: it decides the sides links leave and enter a node by. */
  readonly orientation: Orientation;
}

const ORIGIN = { x: 0, y: 0 };

/**
 * The sides a node's tree handles sit on: "up" (towards the goals it contributes to) is the
 * source side, "down" (towards the goals and people below) the target side. Given to React Flow
 * as the node's source and target positions, so it re-measures the handles when they move.
 */
const TREE_SIDES = {
  topDown: { sourcePosition: Position.Top, targetPosition: Position.Bottom },
  leftRight: { sourcePosition: Position.Left, targetPosition: Position.Right },
} as const satisfies Record<Orientation, Pick<Node, 'sourcePosition' | 'targetPosition'>>;

function goalEmphasis(goal: Goal, h: HighlightLookup): Emphasis {
  if (!h.active) return 'normal';
  if (goal.id === h.nearestGoalId) return 'nearest';
  return h.goalColors.has(goal.id) ? 'path' : 'dim';
}

/**
 * Where a goal or person is drawn: as dragged, else where the user pinned it, else where layout
 * put it.
 */
function nodePosition(
  kind: NodeKind,
  node: Pick<Goal | Stakeholder, 'id' | 'position'>,
  view: NodeView,
): { x: number; y: number } {
  const id = nodeId(kind, node.id);
  return (
    view.dragging.get(id) ??
    (node.position?.pinned ? node.position : undefined) ??
    view.positions[id] ??
    node.position ??
    ORIGIN
  );
}

const NO_HOLDERS: readonly Holder[] = [];

/** Holders of each goal, in the order the incentives were added. */
function holdersByGoal(doc: MapDocument): Map<string, Holder[]> {
  const people = new Map(doc.stakeholders.map((s) => [s.id, s]));
  const byGoal = new Map<string, Holder[]>();
  for (const i of doc.incentives) {
    const person = people.get(i.stakeholderId);
    if (!person) continue;
    const holder = { incentiveId: i.id, name: person.name, color: person.color, kind: i.kind };
    const list = byGoal.get(i.goalId);
    if (list) list.push(holder);
    else byGoal.set(i.goalId, [holder]);
  }
  return byGoal;
}

function toGoalNode(
  goal: Goal,
  view: NodeView,
  parentIds: ReadonlySet<string>,
  holders: readonly Holder[],
  titleRoom: number,
): GoalFlowNode {
  const id = goalNodeId(goal.id);
  return {
    id,
    type: 'goal',
    position: nodePosition('goal', goal, view),
    ...TREE_SIDES[view.orientation],
    ariaLabel: goal.title,
    selected: view.selectedIds.has(id),
    hidden: view.collapse.hiddenGoals.has(goal.id),
    width: NODE_SIZE[goal.kind].width,
    height: NODE_SIZE[goal.kind].height,
    data: {
      goal,
      emphasis: goalEmphasis(goal, view.highlight),
      partyColors: view.highlight.goalColors.get(goal.id) ?? [],
      hasChildren: parentIds.has(goal.id),
      collapsed: view.collapsedIds.has(goal.id),
      hiddenBelow: view.collapse.hiddenBelow.get(goal.id) ?? 0,
      holders,
      holdersKey: holders.map((h) => `${h.incentiveId}:${h.name}:${h.color}:${h.kind}`).join('|'),
      titleRoom,
    },
  };
}

function toStakeholderNode(
  stakeholder: Stakeholder,
  view: NodeView,
  nameRoom: number,
): StakeholderFlowNode {
  const { highlight } = view;
  const id = stakeholderNodeId(stakeholder.id);
  return {
    id,
    type: 'stakeholder',
    position: nodePosition('stakeholder', stakeholder, view),
    ...TREE_SIDES[view.orientation],
    ariaLabel: stakeholder.name,
    selected: view.selectedIds.has(id),
    hidden: view.collapse.hiddenPeople.has(stakeholder.id),
    width: NODE_SIZE.stakeholder.width,
    height: NODE_SIZE.stakeholder.height,
    data: {
      stakeholder,
      emphasis: !highlight.active || highlight.parties.has(stakeholder.id) ? 'normal' : 'dim',
      nameRoom,
    },
  };
}

/** Shallow equality of two node versions: same record and same drawing inputs. */
function sameNode(a: MapFlowNode, b: MapFlowNode): boolean {
  if (a.position.x !== b.position.x || a.position.y !== b.position.y) return false;
  if (a.selected !== b.selected || a.hidden !== b.hidden) return false;
  if (a.sourcePosition !== b.sourcePosition) return false;
  const keys = Object.keys(a.data) as (keyof typeof a.data)[];
  return keys.every((k) => {
    const [x, y] = [a.data[k], b.data[k]];
    return x === y || (Array.isArray(x) && Array.isArray(y) && x.join() === y.join());
  });
}

/**
 * The previous list when it holds the very same items: React Flow then skips re-indexing every
 * node (or edge), which it does for any new array.
 */
function keepIfUnchanged<T>(previous: T[], next: T[]): T[] {
  const same = previous.length === next.length && next.every((item, i) => item === previous[i]);
  return same ? previous : next;
}

/**
 * Derives React Flow nodes from the model. Nodes are never saved. The builder hands back the very
 * same node object when nothing about a node changed, so memoised node components skip rendering
 * and a drag or a selection re-renders only the nodes it touches.
 */
export function createNodeBuilder(): (doc: MapDocument, view: NodeView) => MapFlowNode[] {
  let previous = new Map<string, MapFlowNode>();
  let previousList: MapFlowNode[] = [];
  return (doc, view) => {
    const parentIds = new Set(doc.links.map((l) => l.to));
    const holders = holdersByGoal(doc);
    // Zoomed out, objectives, the mission and people draw large titles; KPIs do not.
    const rooms = largeTitleRooms([
      ...doc.goals
        .filter((g) => !view.collapse.hiddenGoals.has(g.id))
        .map((g) => ({
          id: goalNodeId(g.id),
          ...nodePosition('goal', g, view),
          ...NODE_SIZE[g.kind],
          large: g.kind !== 'kpi',
        })),
      ...doc.stakeholders.map((s) => ({
        id: stakeholderNodeId(s.id),
        ...nodePosition('stakeholder', s, view),
        ...NODE_SIZE.stakeholder,
        large: true,
      })),
    ]);
    const next = new Map<string, MapFlowNode>();
    const reuse = (node: MapFlowNode): MapFlowNode => {
      const old = previous.get(node.id);
      const kept = old && old.type === node.type && sameNode(old, node) ? old : node;
      next.set(node.id, kept);
      return kept;
    };
    const nodes = [
      ...doc.goals.map((g) =>
        reuse(
          toGoalNode(
            g,
            view,
            parentIds,
            holders.get(g.id) ?? NO_HOLDERS,
            rooms.get(goalNodeId(g.id)) ?? NODE_SIZE[g.kind].width,
          ),
        ),
      ),
      ...doc.stakeholders.map((s) =>
        reuse(
          toStakeholderNode(
            s,
            view,
            rooms.get(stakeholderNodeId(s.id)) ?? NODE_SIZE.stakeholder.width,
          ),
        ),
      ),
    ];
    previous = next;
    previousList = keepIfUnchanged(previousList, nodes);
    return previousList;
  };
}

/** A "contributes to" link points up (child → parent), in its party's colour on a path. */
function linkEdge(
  link: Link,
  colors: readonly string[] | undefined,
  active: boolean,
  selected: boolean,
): Edge {
  const color = colors?.[0] ?? '#868e96';
  return {
    id: edgeId('link', link.id),
    type: 'routed',
    source: goalNodeId(link.from),
    sourceHandle: 'up',
    target: goalNodeId(link.to),
    targetHandle: 'down',
    selected,
    className: active ? (colors ? 'cg-edge-path' : 'cg-edge-dim') : undefined,
    style: { stroke: color, strokeWidth: colors ? 4 : 1.5 },
    markerEnd: { type: MarkerType.ArrowClosed, color, width: 16, height: 16 },
    ariaLabel: 'contributes to',
    // Out of the Tab order (a map has more links than goals): reached from its goal's inspector.
    focusable: false,
  };
}

/**
 * An incentive runs from a person to a goal, in the person's colour. Drawn only when `shown`:
 * ties from the people's band would cross the whole tree, so they appear for the person, goal or
 * tie selected and for the parties of a common-ground view; the goal's chips show the rest.
 */
function incentiveEdge(
  incentive: Incentive,
  color: string,
  dim: boolean,
  selected: boolean,
  shown: boolean,
) {
  const edge: Edge<IncentiveEdgeData> = {
    id: edgeId('incentive', incentive.id),
    type: 'routed',
    hidden: !shown,
    source: stakeholderNodeId(incentive.stakeholderId),
    sourceHandle: 'up',
    target: goalNodeId(incentive.goalId),
    targetHandle: 'down',
    selected,
    label: incentive.kind,
    data: { kind: incentive.kind },
    className: dim ? 'cg-edge-dim' : 'cg-edge-incentive',
    // "Motivated" is a softer tie, drawn lighter and thinner. Not dashed: dashes on long edges
    // made panning a 2,000-goal map rasterise for seconds (measured in npm run bench).
    style:
      incentive.kind === 'motivated'
        ? { stroke: color, strokeWidth: 1.5, strokeOpacity: 0.55 }
        : { stroke: color, strokeWidth: 2 },
    labelStyle: { fill: color, fontWeight: 600 },
    labelBgStyle: { fill: '#ffffff' },
    ariaLabel: incentive.kind,
    // Out of the Tab order: reached from the person's inspector.
    focusable: false,
  };
  return edge;
}

/** A tie is drawn in full for its person, its goal or itself selected, or its common ground. */
export function isTieShown(
  incentive: Incentive,
  highlight: HighlightLookup,
  selectedIds: ReadonlySet<string>,
): boolean {
  return (
    selectedIds.has(edgeId('incentive', incentive.id)) ||
    selectedIds.has(stakeholderNodeId(incentive.stakeholderId)) ||
    selectedIds.has(goalNodeId(incentive.goalId)) ||
    (highlight.active && highlight.parties.has(incentive.stakeholderId))
  );
}

/**
 * Derives React Flow edges from the model. Like the nodes, an edge whose record and look did not
 * change is handed back as the very same object, so an edit (or applying a layout, which un-pins
 * goals) re-renders only the edges it touches instead of every edge on screen.
 */
export function createEdgeBuilder(): (
  doc: MapDocument,
  highlight: HighlightLookup,
  selectedIds: ReadonlySet<string>,
) => Edge[] {
  let previous = new Map<string, { record: object; look: string; edge: Edge }>();
  let previousList: Edge[] = [];
  return (doc, highlight, selectedIds) => {
    const next = new Map<string, { record: object; look: string; edge: Edge }>();
    const reuse = (kind: EdgeKind, record: { id: string }, look: string, make: () => Edge) => {
      const key = edgeId(kind, record.id);
      const old = previous.get(key);
      const edge = old && old.record === record && old.look === look ? old.edge : make();
      next.set(key, { record, look, edge });
      return edge;
    };
    const links = doc.links.map((link) => {
      const colors = highlight.linkColors.get(linkKey(link.from, link.to));
      const selected = selectedIds.has(edgeId('link', link.id));
      const look = `${colors?.join() ?? ''}|${highlight.active}|${selected}`;
      return reuse('link', link, look, () => linkEdge(link, colors, highlight.active, selected));
    });
    const stakeholderColor = new Map(doc.stakeholders.map((s) => [s.id, s.color]));
    const incentives = doc.incentives.map((incentive) => {
      const color = stakeholderColor.get(incentive.stakeholderId) ?? '#868e96';
      const dim = highlight.active && !highlight.parties.has(incentive.stakeholderId);
      const selected = selectedIds.has(edgeId('incentive', incentive.id));
      const shown = isTieShown(incentive, highlight, selectedIds);
      const look = `${color}|${dim}|${selected}|${shown}`;
      return reuse('incentive', incentive, look, () =>
        incentiveEdge(incentive, color, dim, selected, shown),
      );
    });
    const goalTitle = new Map<string, string>(doc.goals.map((g) => [g.id, g.title]));
    const title = (id: string) => goalTitle.get(id) ?? id;
    const tradeOffs = doc.tradeOffs.map((tradeOff) => {
      const selected = selectedIds.has(edgeId('tradeOff', tradeOff.id));
      const titles = [title(tradeOff.a), title(tradeOff.b)] as const;
      const look = `${highlight.active}|${selected}|${titles.join('\u0000')}`;
      return reuse('tradeOff', tradeOff, look, () =>
        tradeOffEdge(tradeOff, titles, highlight.active, selected),
      );
    });
    previous = next;
    previousList = keepIfUnchanged(previousList, [...links, ...incentives, ...tradeOffs]);
    return previousList;
  };
}
