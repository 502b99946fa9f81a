import type { EdgeChange, NodeChange } from '@xyflow/react';
import { moveNodes } from '../domain/commands';
import {
  asGoalId,
  asIncentiveId,
  asLinkId,
  asStakeholderId,
  type GoalId,
  type StakeholderId,
} from '../domain/ids';
import type { MapDocument, Position } from '../domain/model';
import { applyEdit } from '../store/applyEdit';
import { sessionStore, type Selection } from '../store/sessionStore';
import type { MapFlowNode } from './adapters';

type Kinds = Required<Selection>;

/** The session's selection as one id set, for applying React Flow's select/deselect changes. */
function currentSelection(): Set<string> {
  const s = sessionStore.getState();
  return new Set<string>([
    ...s.selectedGoalIds,
    ...s.selectedStakeholderIds,
    ...s.selectedLinkIds,
    ...s.selectedIncentiveIds,
    ...s.selectedTradeOffIds,
  ]);
}

/** Sorts selected ids into their record kinds, dropping ids no longer in the map. */
function toSelection(ids: ReadonlySet<string>, doc: MapDocument): Kinds {
  const pick = <T extends { id: string }>(list: readonly T[]) => list.filter((r) => ids.has(r.id));
  return {
    goals: pick(doc.goals).map((g) => g.id),
    stakeholders: pick(doc.stakeholders).map((s) => s.id),
    links: pick(doc.links).map((l) => asLinkId(l.id)),
    incentives: pick(doc.incentives).map((i) => asIncentiveId(i.id)),
    tradeOffs: pick(doc.tradeOffs).map((t) => t.id),
  };
}

/** Applies React Flow's select changes (click, shift-click, box select) to the session store. */
export function applySelectChanges(
  changes: readonly (NodeChange<MapFlowNode> | EdgeChange)[],
  doc: MapDocument,
): void {
  const selects = changes.filter((c) => c.type === 'select');
  if (selects.length === 0) return;
  const ids = currentSelection();
  for (const c of selects) {
    if (c.selected) ids.add(c.id);
    else ids.delete(c.id);
  }
  sessionStore.getState().select(toSelection(ids, doc));
}

/** Positions of nodes mid-drag, from React Flow's position changes. */
export function draggedPositions(
  changes: readonly NodeChange<MapFlowNode>[],
): Map<string, { x: number; y: number }> {
  const moved = new Map<string, { x: number; y: number }>();
  for (const c of changes) {
    if (c.type === 'position' && c.position) moved.set(c.id, c.position);
  }
  return moved;
}

/**
 * Ends a drag: dragged goals and people are pinned where they were dropped, as ONE undo step
 * (saved with the map, so a person stays where put after a reload). A node no longer in the map
 * is left out; a refused move is said in the notice, like any other edit.
 */
export function commitDrag(
  doc: MapDocument,
  dropped: ReadonlyMap<string, { x: number; y: number }>,
) {
  const goalIds = new Set<string>(doc.goals.map((g) => g.id));
  const personIds = new Set<string>(doc.stakeholders.map((s) => s.id));
  const goals = new Map<GoalId, Position>();
  const stakeholders = new Map<StakeholderId, Position>();
  for (const [id, p] of dropped) {
    const pin = { x: Math.round(p.x), y: Math.round(p.y), pinned: true };
    if (goalIds.has(id)) goals.set(asGoalId(id), pin);
    else if (personIds.has(id)) stakeholders.set(asStakeholderId(id), pin);
  }
  if (goals.size > 0 || stakeholders.size > 0) {
    applyEdit((d) => moveNodes(d, { goals, stakeholders }));
  }
}
