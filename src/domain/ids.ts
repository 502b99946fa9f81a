/**
 * Branded ids: a GoalId cannot be passed where a StakeholderId is expected, although both are
 * plain strings at run time (and in the file format).
 */
declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };

export type MapId = Brand<string, 'MapId'>;
export type GoalId = Brand<string, 'GoalId'>;
export type LinkId = Brand<string, 'LinkId'>;
export type StakeholderId = Brand<string, 'StakeholderId'>;
export type IncentiveId = Brand<string, 'IncentiveId'>;
export type ConflictId = Brand<string, 'ConflictId'>;
export type TradeOffId = Brand<string, 'TradeOffId'>;
export type ReportingLineId = Brand<string, 'ReportingLineId'>;

/** Brands a string read from a trusted source (validated import, our own store). */
export const asMapId = (s: string): MapId => s as MapId;
export const asGoalId = (s: string): GoalId => s as GoalId;
export const asLinkId = (s: string): LinkId => s as LinkId;
export const asStakeholderId = (s: string): StakeholderId => s as StakeholderId;
export const asIncentiveId = (s: string): IncentiveId => s as IncentiveId;
export const asConflictId = (s: string): ConflictId => s as ConflictId;
export const asTradeOffId = (s: string): TradeOffId => s as TradeOffId;
export const asReportingLineId = (s: string): ReportingLineId => s as ReportingLineId;

/** Short random ids: unique enough for a local map, readable in exported JSON. */
export function newId(prefix: string): string {
  const bytes = new Uint8Array(9);
  globalThis.crypto.getRandomValues(bytes);
  let s = '';
  for (const b of bytes) s += (b % 36).toString(36);
  return `${prefix}_${s}`;
}
