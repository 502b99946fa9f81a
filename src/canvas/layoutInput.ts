import { NODE_SIZE, type LayoutInput } from '../domain/layoutTypes';
import type { MapDocument } from '../domain/model';
import { DEFAULT_ORIENTATION, type Orientation } from '../domain/orientation';

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
      pinned: g.position?.pinned ? { x: g.position.x, y: g.position.y } : null,
    })),
    stakeholders: doc.stakeholders.map((s) => ({
      id: s.id,
      ...NODE_SIZE.stakeholder,
      pinned: null,
    })),
    links: doc.links.map((l) => ({ from: l.from, to: l.to })),
    incentives: doc.incentives.map((i) => ({ stakeholderId: i.stakeholderId, goalId: i.goalId })),
  };
}
