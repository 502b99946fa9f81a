import { newConflict, ownValue } from '../factories';
import type { NewConflictInput } from '../factories';
import type { ConflictId } from '../ids';
import { perspectivesRecord } from '../model';
import { brokenRules, CONFLICT_RULES } from '../records';
import type { Conflict, MapDocument } from '../model';
import { ok } from '../result';
import { duplicateId, invalid, notFound } from './errors';
import type { CommandResult, Refusal } from './errors';
import { hasId, indexOfId, refuseBroken, replaceAt } from './records';

/**
 * `perspectives` in a patch are merged party by party over the stored ones; changing `parties`
 * drops the perspectives of parties no longer listed and starts new parties with an empty one.
 */
export type ConflictPatch = Partial<
  Pick<Conflict, 'title' | 'parties' | 'status' | 'perspectives' | 'agreedGoalId' | 'notes'>
>;

/** Two or more different, existing stakeholders; perspectives only for those parties. */
export function addConflict(doc: MapDocument, input: NewConflictInput): CommandResult {
  const keysRefusal = validatePerspectiveKeys(doc, input.perspectives, input.parties);
  if (keysRefusal) return keysRefusal;
  const conflict = newConflict(input);
  if (hasId(doc.conflicts, conflict.id)) return duplicateId('conflict', conflict.id);
  const refusal = validateConflict(doc, conflict);
  if (refusal) return refusal;
  return ok({ ...doc, conflicts: [...doc.conflicts, conflict] });
}

export function updateConflict(
  doc: MapDocument,
  conflictId: ConflictId,
  patch: ConflictPatch,
): CommandResult {
  const index = indexOfId(doc.conflicts, conflictId);
  const conflict = doc.conflicts[index];
  if (conflict === undefined) return notFound('conflict', conflictId);
  const parties = patch.parties ?? conflict.parties;
  const keysRefusal = validatePerspectiveKeys(doc, patch.perspectives, parties);
  if (keysRefusal) return keysRefusal;
  const given = patch.perspectives;
  const next: Conflict = {
    id: conflict.id,
    title: patch.title ?? conflict.title,
    parties,
    status: patch.status ?? conflict.status,
    perspectives: perspectivesRecord(
      parties.map((p) => [
        p,
        (given && ownValue(given, p)) ?? ownValue(conflict.perspectives, p) ?? '',
      ]),
    ),
    agreedGoalId: patch.agreedGoalId !== undefined ? patch.agreedGoalId : conflict.agreedGoalId,
    notes: patch.notes ?? conflict.notes,
  };
  const refusal = validateConflict(doc, next);
  if (refusal) return refusal;
  return ok({ ...doc, conflicts: replaceAt(doc.conflicts, index, next) });
}

export function removeConflict(doc: MapDocument, conflictId: ConflictId): CommandResult {
  const conflicts = doc.conflicts.filter((c) => c.id !== conflictId);
  if (conflicts.length === doc.conflicts.length) return notFound('conflict', conflictId);
  return ok({ ...doc, conflicts });
}

function validateConflict(doc: MapDocument, conflict: Conflict): Refusal | null {
  const broken = refuseBroken(brokenRules(conflict, CONFLICT_RULES));
  if (broken) return broken;
  const seen = new Set<string>();
  for (const party of conflict.parties) {
    const stakeholder = doc.stakeholders.find((s) => s.id === party);
    if (stakeholder === undefined) return notFound('stakeholder', party);
    if (seen.has(party)) return invalid('parties', `${stakeholder.name} is listed twice.`);
    seen.add(party);
  }
  const agreed = conflict.agreedGoalId;
  if (agreed !== null && !hasId(doc.goals, agreed)) return notFound('goal', agreed);
  return null;
}

function validatePerspectiveKeys(
  doc: MapDocument,
  perspectives: Readonly<Record<string, string>> | undefined,
  parties: readonly string[],
): Refusal | null {
  const stray = Object.keys(perspectives ?? {}).find((key) => !parties.includes(key));
  if (stray === undefined) return null;
  const name = doc.stakeholders.find((s) => s.id === stray)?.name ?? stray;
  return invalid('perspectives', `${name} is not a party to this conflict.`);
}
