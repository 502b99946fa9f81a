import type { GoalId, StakeholderId } from '../ids';
import type { MapDocument, Position } from '../model';
import { ok } from '../result';
import { POSITION } from '../records';
import { invalid, notFound, type CommandResult, type RecordKind, type Refusal } from './errors';

/** New places by id; null hands the node back to auto layout. */
export interface Placements {
  readonly goals?: ReadonlyMap<GoalId, Position | null>;
  readonly stakeholders?: ReadonlyMap<StakeholderId, Position | null>;
}

const NOWHERE = new Map<string, Position | null>();

/** The first id `records` lacks or place that is not finite, refused; null when all fit. */
function refusePlacements(
  record: RecordKind,
  records: readonly { readonly id: string }[],
  positions: ReadonlyMap<string, Position | null>,
): Refusal | null {
  if (positions.size === 0) return null;
  const known = new Set(records.map((r) => r.id));
  for (const [id, position] of positions) {
    if (!known.has(id)) return notFound(record, id);
    if (!POSITION.holds(position)) return invalid('position', POSITION.refusal);
  }
  return null;
}

function placed<T extends { readonly id: string; readonly position: Position | null }>(
  records: readonly T[],
  positions: ReadonlyMap<string, Position | null>,
): readonly T[] {
  if (positions.size === 0) return records;
  return records.map((r) => {
    const position = positions.get(r.id);
    return position === undefined ? r : { ...r, position };
  });
}

/**
 * Places goals and people in one edit (a drag of a mixed selection, a layout that releases every
 * pin): one undo step. All or nothing: an unknown id or a place that is not finite refuses it all.
 */
export function moveNodes(doc: MapDocument, placements: Placements): CommandResult {
  const goals = placements.goals ?? NOWHERE;
  const people = placements.stakeholders ?? NOWHERE;
  const refusal =
    refusePlacements('goal', doc.goals, goals) ??
    refusePlacements('stakeholder', doc.stakeholders, people);
  if (refusal) return refusal;
  return ok({
    ...doc,
    goals: placed(doc.goals, goals),
    stakeholders: placed(doc.stakeholders, people),
  });
}

/** A position places (and, dragged, pins) the person; null hands them back to the people band. */
export function moveStakeholders(
  doc: MapDocument,
  positions: ReadonlyMap<StakeholderId, Position | null>,
): CommandResult {
  return moveNodes(doc, { stakeholders: positions });
}
