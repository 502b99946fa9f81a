import { MarkerType, type Edge, type Node } from '@xyflow/react';
import { NODE_SIZE, type LayoutPositions } from '../domain/layoutTypes';
import type { Goal, IncentiveKind, MapDocument, Stakeholder } from '../domain/model';
import { linkKey, type HighlightLookup } from './highlight';

/** How strongly a node or edge is drawn while a common-ground view is open. */
export type Emphasis = 'normal' | 'path' | 'nearest' | 'dim';

export interface GoalNodeData extends Record<string, unknown> {
  readonly goal: Goal;
  readonly emphasis: Emphasis;
  /** Colours of the parties whose path passes through this goal. */
  readonly partyColors: readonly string[];
}
export interface StakeholderNodeData extends Record<string, unknown> {
  readonly stakeholder: Stakeholder;
  readonly emphasis: Emphasis;
}
export type GoalFlowNode = Node<GoalNodeData, 'goal'>;
export type StakeholderFlowNode = Node<StakeholderNodeData, 'stakeholder'>;
export type MapFlowNode = GoalFlowNode | StakeholderFlowNode;

export interface IncentiveEdgeData extends Record<string, unknown> {
  readonly kind: IncentiveKind;
}

const ORIGIN = { x: 0, y: 0 };

function goalEmphasis(goal: Goal, h: HighlightLookup): Emphasis {
  if (!h.active) return 'normal';
  if (goal.id === h.nearestGoalId) return 'nearest';
  return h.goalColors.has(goal.id) ? 'path' : 'dim';
}

/**
 * Derives React Flow nodes from the model. Nodes are never saved: the document and the layout
 * positions are the only sources, so this runs again whenever either changes.
 */
export function toFlowNodes(
  doc: MapDocument,
  positions: LayoutPositions,
  highlight: HighlightLookup,
  selectedIds: ReadonlySet<string>,
): MapFlowNode[] {
  const goals = doc.goals.map((goal): GoalFlowNode => ({
    id: goal.id,
    type: 'goal',
    position: positions[goal.id] ?? goal.position ?? ORIGIN,
    ariaLabel: goal.title,
    selected: selectedIds.has(goal.id),
    width: NODE_SIZE[goal.kind].width,
    height: NODE_SIZE[goal.kind].height,
    data: {
      goal,
      emphasis: goalEmphasis(goal, highlight),
      partyColors: highlight.goalColors.get(goal.id) ?? [],
    },
  }));
  const people = doc.stakeholders.map((stakeholder): StakeholderFlowNode => ({
    id: stakeholder.id,
    type: 'stakeholder',
    position: positions[stakeholder.id] ?? ORIGIN,
    ariaLabel: stakeholder.name,
    selected: selectedIds.has(stakeholder.id),
    width: NODE_SIZE.stakeholder.width,
    height: NODE_SIZE.stakeholder.height,
    data: {
      stakeholder,
      emphasis: !highlight.active || highlight.parties.has(stakeholder.id) ? 'normal' : 'dim',
    },
  }));
  return [...goals, ...people];
}

/** "Contributes to" links point up (child → parent); incentives run from a person to a goal. */
export function toFlowEdges(doc: MapDocument, highlight: HighlightLookup): Edge[] {
  const links = doc.links.map((link): Edge => {
    const colors = highlight.linkColors.get(linkKey(link.from, link.to));
    const color = colors?.[0] ?? '#868e96';
    return {
      id: link.id,
      source: link.from,
      target: link.to,
      className: highlight.active ? (colors ? 'cg-edge-path' : 'cg-edge-dim') : undefined,
      style: { stroke: color, strokeWidth: colors ? 4 : 1.5 },
      markerEnd: { type: MarkerType.ArrowClosed, color, width: 16, height: 16 },
      ariaLabel: 'contributes to',
    };
  });
  const stakeholderColor = new Map(doc.stakeholders.map((s) => [s.id, s.color]));
  const incentives = doc.incentives.map((incentive): Edge<IncentiveEdgeData> => {
    const color = stakeholderColor.get(incentive.stakeholderId) ?? '#868e96';
    const dim = highlight.active && !highlight.parties.has(incentive.stakeholderId);
    return {
      id: incentive.id,
      source: incentive.stakeholderId,
      target: incentive.goalId,
      label: incentive.kind,
      data: { kind: incentive.kind },
      className: dim ? 'cg-edge-dim' : 'cg-edge-incentive',
      style: {
        stroke: color,
        strokeWidth: 2,
        strokeDasharray: incentive.kind === 'motivated' ? '6 4' : undefined,
      },
      labelStyle: { fill: color, fontWeight: 600 },
      labelBgStyle: { fill: '#ffffff' },
      ariaLabel: incentive.kind,
    };
  });
  return [...links, ...incentives];
}
