import type { StakeholderId } from './ids';
import type { ReportingLine } from './model';

/**
 * The reporting graph: each stakeholder reports to at most one other, so the lines form a forest
 * and "walking up" follows one manager at a time, the same climb the engine makes on goals.
 */

/** Managers of `start`, nearest first (`start` itself excluded); stops at a repeat, so never loops. */
export function managerChain(
  lines: readonly ReportingLine[],
  start: StakeholderId,
): StakeholderId[] {
  const managerOf = new Map<StakeholderId, StakeholderId>(lines.map((r) => [r.from, r.to]));
  return chainFrom(managerOf, start);
}

function chainFrom(
  managerOf: ReadonlyMap<StakeholderId, StakeholderId>,
  start: StakeholderId,
): StakeholderId[] {
  const chain: StakeholderId[] = [];
  const seen = new Set<StakeholderId>([start]);
  let current = managerOf.get(start);
  while (current !== undefined) {
    chain.push(current);
    if (seen.has(current)) break;
    seen.add(current);
    current = managerOf.get(current);
  }
  return chain;
}

/** Where a conflict lands if it escalates, and how many levels each party climbs to get there. */
export type EscalationPoint =
  | {
      readonly status: 'found';
      /** The parties' lowest common manager; may be one of the parties (a manager and a report). */
      readonly managerId: StakeholderId;
      /** Levels from each party up to the manager, in party order (0 for the manager itself). */
      readonly steps: readonly number[];
    }
  /** The parties sit in separate reporting trees (or nobody has a manager): nobody shared. */
  | { readonly status: 'none' };

/**
 * The parties' lowest common manager: the first person on the first party's chain (itself
 * included) who is on every other party's chain. In a forest that person is unique and every
 * other common manager sits above them.
 */
export function findEscalationPoint(
  lines: readonly ReportingLine[],
  parties: readonly StakeholderId[],
): EscalationPoint {
  const [first, ...rest] = parties;
  if (first === undefined) return { status: 'none' };
  const managerOf = new Map<StakeholderId, StakeholderId>(lines.map((r) => [r.from, r.to]));
  const levels = rest.map((p) => levelsOf([p, ...chainFrom(managerOf, p)]));
  const firstChain = [first, ...chainFrom(managerOf, first)];
  for (const [step, candidate] of firstChain.entries()) {
    const steps = [step];
    for (const level of levels) {
      const s = level.get(candidate);
      if (s === undefined) break;
      steps.push(s);
    }
    if (steps.length === parties.length) return { status: 'found', managerId: candidate, steps };
  }
  return { status: 'none' };
}

function levelsOf(chain: readonly StakeholderId[]): Map<StakeholderId, number> {
  const levels = new Map<StakeholderId, number>();
  chain.forEach((id, i) => {
    if (!levels.has(id)) levels.set(id, i);
  });
  return levels;
}
