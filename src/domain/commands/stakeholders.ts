import { newStakeholder } from '../factories';
import type { NewStakeholderInput } from '../factories';
import type { StakeholderId } from '../ids';
import { perspectivesRecord } from '../model';
import type { Conflict, MapDocument, Stakeholder } from '../model';
import { ok } from '../result';
import { duplicateId, notFound } from './errors';
import type { CommandResult, Refusal } from './errors';
import { brokenRules, STAKEHOLDER_RULES } from '../records';
import { hasId, indexOfId, refuseBroken, replaceAt } from './records';

export type StakeholderPatch = Partial<
  Pick<Stakeholder, 'name' | 'role' | 'team' | 'color' | 'notes' | 'position'>
>;

/** Without a colour, the stakeholder gets the palette colour least used on the map so far. */
export function addStakeholder(doc: MapDocument, input: NewStakeholderInput): CommandResult {
  const stakeholder = newStakeholder(input, doc.stakeholders);
  if (hasId(doc.stakeholders, stakeholder.id)) return duplicateId('stakeholder', stakeholder.id);
  const refusal = validateStakeholder(stakeholder);
  if (refusal) return refusal;
  return ok({ ...doc, stakeholders: [...doc.stakeholders, stakeholder] });
}

export function updateStakeholder(
  doc: MapDocument,
  stakeholderId: StakeholderId,
  patch: StakeholderPatch,
): CommandResult {
  const index = indexOfId(doc.stakeholders, stakeholderId);
  const stakeholder = doc.stakeholders[index];
  if (stakeholder === undefined) return notFound('stakeholder', stakeholderId);
  const next: Stakeholder = {
    id: stakeholder.id,
    name: patch.name ?? stakeholder.name,
    role: patch.role ?? stakeholder.role,
    team: patch.team ?? stakeholder.team,
    color: patch.color ?? stakeholder.color,
    notes: patch.notes ?? stakeholder.notes,
    position: patch.position !== undefined ? patch.position : stakeholder.position,
  };
  const refusal = validateStakeholder(next);
  if (refusal) return refusal;
  return ok({ ...doc, stakeholders: replaceAt(doc.stakeholders, index, next) });
}

/**
 * Removes the stakeholder and every incentive they hold, and takes them out of each conflict's
 * parties and perspectives. A conflict left with fewer than two parties is no longer a conflict
 * between people, so it is removed too (undo brings it back).
 */
export function removeStakeholder(doc: MapDocument, stakeholderId: StakeholderId): CommandResult {
  if (!hasId(doc.stakeholders, stakeholderId)) return notFound('stakeholder', stakeholderId);
  const conflicts: Conflict[] = [];
  for (const conflict of doc.conflicts) {
    if (!conflict.parties.includes(stakeholderId)) conflicts.push(conflict);
    else if (conflict.parties.length > 2) conflicts.push(withoutParty(conflict, stakeholderId));
  }
  return ok({
    ...doc,
    stakeholders: doc.stakeholders.filter((s) => s.id !== stakeholderId),
    incentives: doc.incentives.filter((i) => i.stakeholderId !== stakeholderId),
    conflicts,
    // Their reports are left with no manager rather than handed to someone nobody chose.
    reportingLines: doc.reportingLines.filter(
      (r) => r.from !== stakeholderId && r.to !== stakeholderId,
    ),
    goals: doc.goals.some((g) => g.owner === stakeholderId)
      ? doc.goals.map((g) => (g.owner === stakeholderId ? { ...g, owner: null } : g))
      : doc.goals,
  });
}

function withoutParty(conflict: Conflict, party: StakeholderId): Conflict {
  return {
    ...conflict,
    parties: conflict.parties.filter((p) => p !== party),
    perspectives: perspectivesRecord(
      Object.entries(conflict.perspectives).filter(([key]) => key !== party),
    ),
  };
}

function validateStakeholder(stakeholder: Stakeholder): Refusal | null {
  return refuseBroken(brokenRules(stakeholder, STAKEHOLDER_RULES));
}
