import type { Migration } from './migrations';

/**
 * Version 1 → 2. Version 2 added goal owners, stakeholder positions, trade-offs and reporting
 * lines. A version 1 file says nothing about them, so each starts empty; a field of those names a
 * version 1 file happened to carry was ignored then (an unknown field) and must not start meaning
 * something now, so it is dropped rather than read.
 */
export const V1_TO_V2: Migration = {
  from: 1,
  to: 2,
  up(data) {
    if (!isRecord(data)) return data;
    return {
      ...data,
      version: 2,
      goals: mapRecords(data.goals, (goal) => without(goal, 'owner')),
      stakeholders: mapRecords(data.stakeholders, (person) => without(person, 'position')),
      tradeOffs: [],
      reportingLines: [],
    };
  },
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A copy with define semantics, so a "__proto__" key stays an ordinary key. */
function without(record: Record<string, unknown>, key: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([k]) => k !== key));
}

/** Lists that are not lists, and entries that are not objects, are left for validation to name. */
function mapRecords(
  list: unknown,
  edit: (record: Record<string, unknown>) => Record<string, unknown>,
): unknown {
  if (!Array.isArray(list)) return list;
  return list.map((item: unknown) => (isRecord(item) ? edit(item) : item));
}
