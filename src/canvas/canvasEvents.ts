import type { App } from '../store/app';
import type { EdgeChange, NodeChange } from '@xyflow/react';
import { moveNodes } from '../domain/commands';
import { asGoalId, asStakeholderId, type GoalId, type StakeholderId } from '../domain/ids';
import type { MapDocument, Position } from '../domain/model';
import { applyEdit } from '../store/applyEdit';
import { recordOfNode } from '../domain/nodeIds';
import { canvasIdOf, selectableRecords, type SelectedRecord } from '../store/selection';
import type { MapFlowNode } from './adapters';

/**
 * Applies React Flow's select changes (click, shift-click, box select), which name nodes and
 * edges by canvas id, to the session store; records no longer in the map drop out of the
 * selection.
 */
export function applySelectChanges(
  app: App,
  changes: readonly (NodeChange<MapFlowNode> | EdgeChange)[],
  doc: MapDocument,
): void {
  const selects = changes.filter((c) => c.type === 'select');
  if (selects.length === 0) return;
  const records = selectableRecords(doc);
  const { selection } = app.sessionStore.getState();
  const next = new Map<string, SelectedRecord>(
    selection.map((r) => [canvasIdOf(r), r] as const).filter(([id]) => records.has(id)),
  );
  for (const c of selects) {
    const record = records.get(c.id);
    if (c.selected && record) next.set(c.id, record);
    else next.delete(c.id);
  }
  app.sessionStore.getState().select([...next.values()]);
}

/** Positions of nodes mid-drag by node id, from React Flow's position changes. */
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
 * is left out; a refused move is said in the notice, like any other edit. `dropped` is by node id,
 * which says whether a goal or a person moved.
 */
export function commitDrag(
  app: App,
  doc: MapDocument,
  dropped: ReadonlyMap<string, { x: number; y: number }>,
) {
  const goalIds = new Set<string>(doc.goals.map((g) => g.id));
  const personIds = new Set<string>(doc.stakeholders.map((s) => s.id));
  const goals = new Map<GoalId, Position>();
  const stakeholders = new Map<StakeholderId, Position>();
  for (const [id, p] of dropped) {
    const pin = { x: Math.round(p.x), y: Math.round(p.y), pinned: true };
    const record = recordOfNode(id);
    if (record?.kind === 'goal' && goalIds.has(record.id)) goals.set(asGoalId(record.id), pin);
    else if (record?.kind === 'stakeholder' && personIds.has(record.id)) {
      stakeholders.set(asStakeholderId(record.id), pin);
    }
  }
  if (goals.size > 0 || stakeholders.size > 0) {
    applyEdit(app, (d) => moveNodes(d, { goals, stakeholders }));
  }
}
