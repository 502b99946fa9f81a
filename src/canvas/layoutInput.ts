import { NODE_SIZE, type LayoutInput } from '../domain/layoutTypes';
import type { MapDocument, Position } from '../domain/model';
import { DEFAULT_ORIENTATION, type Orientation } from '../domain/orientation';

/** A node pinned where the user put it stays there; any other place is auto layout's to decide. */
const pinOf = (position: Position | null) =>
  position?.pinned ? { x: position.x, y: position.y } : null;

/**
 * The part of a document auto layout depends on (titles and notes do not move anything), for
 * the map drawn in `orientation`.
 */
export function toLayoutInput(
  doc: MapDocument,
  orientation: Orientation = DEFAULT_ORIENTATION,
): LayoutInput {
  return {
    orientation,
    goals: doc.goals.map((g) => ({
      id: g.id,
      ...NODE_SIZE[g.kind],
      pinned: pinOf(g.position),
    })),
    stakeholders: doc.stakeholders.map((s) => ({
      id: s.id,
      ...NODE_SIZE.stakeholder,
      pinned: pinOf(s.position),
    })),
    links: doc.links.map((l) => ({ from: l.from, to: l.to })),
    incentives: doc.incentives.map((i) => ({ stakeholderId: i.stakeholderId, goalId: i.goalId })),
  };
}
