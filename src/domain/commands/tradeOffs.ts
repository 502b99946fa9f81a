import { newTradeOff } from '../factories';
import type { GoalId, TradeOffId } from '../ids';
import type { MapDocument, TradeOff } from '../model';
import { ok } from '../result';
import { duplicate, duplicateId, invalid, notFound } from './errors';
import type { CommandResult } from './errors';
import { brokenRules, TRADE_OFF_RULES } from '../records';
import { goalTitles, hasId, indexOfId, refuseBroken, replaceAt } from './records';

export interface NewTradeOffInput {
  readonly id?: TradeOffId;
  readonly a: GoalId;
  readonly b: GoalId;
  readonly note?: string;
}

/** The trade-off between these two goals, whichever side each was given on. */
export function findTradeOff(doc: MapDocument, a: GoalId, b: GoalId): TradeOff | undefined {
  return doc.tradeOffs.find((t) => (t.a === a && t.b === b) || (t.a === b && t.b === a));
}

/**
 * Records that two goals pull against each other. Symmetric, so one pair holds at most one
 * trade-off; a goal cannot trade off against itself. No cycle rule: it is not a tree edge.
 */
export function addTradeOff(doc: MapDocument, input: NewTradeOffInput): CommandResult {
  const { a, b } = input;
  if (!hasId(doc.goals, a)) return notFound('goal', a);
  if (!hasId(doc.goals, b)) return notFound('goal', b);
  const title = goalTitles(doc);
  if (a === b) return invalid('b', `"${title(a)}" cannot trade off against itself.`);
  const existing = findTradeOff(doc, a, b);
  if (existing) {
    return duplicate(
      'trade-off',
      existing.id,
      `"${title(a)}" already trades off against "${title(b)}".`,
    );
  }
  if (input.id !== undefined && hasId(doc.tradeOffs, input.id)) {
    return duplicateId('trade-off', input.id);
  }
  const tradeOff = newTradeOff(a, b, input.note, input.id);
  return (
    refuseBroken(brokenRules(tradeOff, TRADE_OFF_RULES)) ??
    ok({ ...doc, tradeOffs: [...doc.tradeOffs, tradeOff] })
  );
}

/** Only the note changes; a trade-off between other goals is a new one. */
export function updateTradeOff(
  doc: MapDocument,
  tradeOffId: TradeOffId,
  note: string,
): CommandResult {
  const index = indexOfId(doc.tradeOffs, tradeOffId);
  const tradeOff = doc.tradeOffs[index];
  if (tradeOff === undefined) return notFound('trade-off', tradeOffId);
  return ok({ ...doc, tradeOffs: replaceAt(doc.tradeOffs, index, { ...tradeOff, note }) });
}

export function removeTradeOff(doc: MapDocument, tradeOffId: TradeOffId): CommandResult {
  const tradeOffs = doc.tradeOffs.filter((t) => t.id !== tradeOffId);
  if (tradeOffs.length === doc.tradeOffs.length) return notFound('trade-off', tradeOffId);
  return ok({ ...doc, tradeOffs });
}
