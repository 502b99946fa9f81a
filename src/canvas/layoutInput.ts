import { NODE_SIZE, type LayoutInput } from '../domain/layoutTypes';
import type { MapDocument, Position } from '../domain/model';
import { goalNodeId, stakeholderNodeId } from '../domain/nodeIds';
import { DEFAULT_ORIENTATION, type Orientation } from '../domain/orientation';

/** A node pinned where the user put it stays there; any other place is auto layout's to decide. */
const pinOf = (position: Position | null) =>
  position?.pinned ? { x: position.x, y: position.y } : null;

/**
 * The part of a document auto layout depends on (titles and notes do not move anything), for
 * the map drawn in `orientation`. Nodes go by their canvas node ids, so a goal and a person
 * sharing an id get a place each.
 */
export function toLayoutInput(
  doc: MapDocument,
  orientation: Orientation = DEFAULT_ORIENTATION,
): LayoutInput {
  return {
    orientation,
    goals: doc.goals.map((g) => ({
      id: goalNodeId(g.id),
      ...NODE_SIZE[g.kind],
      pinned: pinOf(g.position),
    })),
    stakeholders: doc.stakeholders.map((s) => ({
      id: stakeholderNodeId(s.id),
      ...NODE_SIZE.stakeholder,
      pinned: pinOf(s.position),
    })),
    links: doc.links.map((l) => ({ from: goalNodeId(l.from), to: goalNodeId(l.to) })),
    incentives: doc.incentives.map((i) => ({
      stakeholderId: stakeholderNodeId(i.stakeholderId),
      goalId: goalNodeId(i.goalId),
    })),
  };
}
