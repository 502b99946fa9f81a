import { newIncentive } from '../factories';
import type { NewIncentiveInput } from '../factories';
import type { IncentiveId } from '../ids';
import { INCENTIVE_PHRASES } from '../model';
import { brokenRules, INCENTIVE_RULES } from '../records';
import type { Incentive, MapDocument } from '../model';
import { ok } from '../result';
import { duplicate, duplicateId, notFound } from './errors';
import type { CommandResult, Refusal } from './errors';
import { goalTitles, hasId, indexOfId, refuseBroken, replaceAt } from './records';

export type IncentivePatch = Partial<
  Pick<Incentive, 'stakeholderId' | 'goalId' | 'kind' | 'weight' | 'note'>
>;

/** A stakeholder holds at most one incentive of each kind on a goal; weight is 0–1 or null. */
export function addIncentive(doc: MapDocument, input: NewIncentiveInput): CommandResult {
  const incentive = newIncentive(input);
  if (hasId(doc.incentives, incentive.id)) return duplicateId('incentive', incentive.id);
  const refusal = validateIncentive(doc, incentive);
  if (refusal) return refusal;
  return ok({ ...doc, incentives: [...doc.incentives, incentive] });
}

export function updateIncentive(
  doc: MapDocument,
  incentiveId: IncentiveId,
  patch: IncentivePatch,
): CommandResult {
  const index = indexOfId(doc.incentives, incentiveId);
  const incentive = doc.incentives[index];
  if (incentive === undefined) return notFound('incentive', incentiveId);
  const next: Incentive = {
    id: incentive.id,
    stakeholderId: patch.stakeholderId ?? incentive.stakeholderId,
    goalId: patch.goalId ?? incentive.goalId,
    kind: patch.kind ?? incentive.kind,
    weight: patch.weight !== undefined ? patch.weight : incentive.weight,
    note: patch.note ?? incentive.note,
  };
  const refusal = validateIncentive(doc, next);
  if (refusal) return refusal;
  return ok({ ...doc, incentives: replaceAt(doc.incentives, index, next) });
}

export function removeIncentive(doc: MapDocument, incentiveId: IncentiveId): CommandResult {
  const incentives = doc.incentives.filter((i) => i.id !== incentiveId);
  if (incentives.length === doc.incentives.length) return notFound('incentive', incentiveId);
  return ok({ ...doc, incentives });
}

/** Checks `incentive` against the document, ignoring the stored incentive with the same id. */
function validateIncentive(doc: MapDocument, incentive: Incentive): Refusal | null {
  const { stakeholderId, goalId, kind } = incentive;
  const stakeholder = doc.stakeholders.find((s) => s.id === stakeholderId);
  if (stakeholder === undefined) return notFound('stakeholder', stakeholderId);
  if (!hasId(doc.goals, goalId)) return notFound('goal', goalId);
  const broken = refuseBroken(brokenRules(incentive, INCENTIVE_RULES));
  if (broken) return broken;
  const same = doc.incentives.find(
    (i) =>
      i.id !== incentive.id &&
      i.stakeholderId === stakeholderId &&
      i.goalId === goalId &&
      i.kind === kind,
  );
  if (same) {
    const goal = goalTitles(doc)(goalId);
    const message = `${stakeholder.name} is already ${INCENTIVE_PHRASES[kind]} "${goal}".`;
    return duplicate('incentive', same.id, message);
  }
  return null;
}
