import { asTradeOffId, newId, type GoalId, type TradeOffId } from '../ids';
import { ID, type RecordRules } from './rules';

/**
 * Two goals that pull against each other ("a deeper discount wins the deal and lowers margin").
 * Symmetric and not a tree edge: the engine never climbs it; it feeds the conflict radar.
 */
export interface TradeOff {
  readonly id: TradeOffId;
  readonly a: GoalId;
  readonly b: GoalId;
  /** Why the two pull apart, in the words of whoever drew it. */
  readonly note: string;
}

/** Two different goals, one trade-off per pair: rules between records (invariantsV2). */
export const TRADE_OFF_RULES = { id: ID, a: ID, b: ID } satisfies RecordRules<TradeOff>;

export function newTradeOff(a: GoalId, b: GoalId, note = '', id?: TradeOffId): TradeOff {
  return { id: id ?? asTradeOffId(newId('t')), a, b, note };
}
