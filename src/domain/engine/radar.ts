import type { GoalId, StakeholderId, TradeOffId } from '../ids';
import type { Incentive, IncentiveKind, MapDocument } from '../model';
import { nearestGoalsOfPairs } from './matrix';
import type { GoalIndex } from './types';

/**
 * Conflict radar (README "Trade-offs, the conflict radar and the escalation point"): pairs of stakeholders whose incentives sit on the
 * two sides of a trade-off, found before anyone names the conflict.
 *
 * A stakeholder *holds* a goal when they have an incentive on it or on a goal that contributes to
 * it at most `maxDepth` links below. The default depth is 2 (the incentive's goal, its parent and
 * its grandparent): one level catches "New ARR feeds Win rate", two catches the objective a KPI team
 * works towards; from three levels up nearly everybody reaches the same few objectives, which then
 * trade off against everything and the radar would list every pair.
 */
export const DEFAULT_RADAR_DEPTH = 2;

/** How strongly each kind of incentive pulls: money first, then what a review counts, then taste. */
export const KIND_PULL: Readonly<Record<IncentiveKind, number>> = {
  rewarded: 1,
  measured: 0.8,
  motivated: 0.5,
};
/** An incentive nobody weighed counts as half of someone's attention. */
export const UNWEIGHTED = 0.5;
/** Each link climbed halves the pull: a goal two levels up is felt, but less. */
export const PULL_PER_LEVEL = 0.5;

/** How one stakeholder reaches one side of a trade-off. */
export interface RadarSide {
  readonly stakeholderId: StakeholderId;
  readonly kind: IncentiveKind;
  /** path[0] is the incentive's goal, the last entry the trade-off's goal. */
  readonly path: readonly GoalId[];
  /** KIND_PULL × weight × PULL_PER_LEVEL^(path.length − 1). */
  readonly pull: number;
}

export interface RadarPair {
  /** In map order of the stakeholders. */
  readonly parties: readonly [StakeholderId, StakeholderId];
  /** Sum over the trade-offs between them of the two sides' pulls multiplied; higher first. */
  readonly score: number;
  /** The trade-off that contributes most, with each side as it reaches it (trade-off's a first). */
  readonly tradeOffId: TradeOffId;
  readonly sides: readonly [RadarSide, RadarSide];
  /** How many trade-offs set these two against each other. */
  readonly tradeOffCount: number;
  /** The pair's nearest common goal; null when they share none. */
  readonly nearestGoalId: GoalId | null;
}

/**
 * Every pair on the radar, ranked by score, then by map order. `index` is the engine's index of the
 * same document revision, used for the climbs and the nearest common goal.
 */
export function findConflictRadar(
  doc: MapDocument,
  index: GoalIndex,
  maxDepth: number = DEFAULT_RADAR_DEPTH,
): RadarPair[] {
  const holders = holdersByGoal(doc.incentives, index, maxDepth);
  const pairs = new Map<string, Mutable>();
  for (const tradeOff of doc.tradeOffs) {
    const a = index.goalIndexById.get(tradeOff.a);
    const b = index.goalIndexById.get(tradeOff.b);
    if (a === undefined || b === undefined) continue;
    const best = new Map<string, Strongest>();
    for (const [x, sideA] of holders.get(a) ?? []) {
      for (const [y, sideB] of holders.get(b) ?? []) {
        if (x === y) continue;
        const key = x < y ? `${x},${y}` : `${y},${x}`;
        const pull = sideA.pull * sideB.pull;
        const known = best.get(key);
        if (known === undefined || pull > known.pull) {
          best.set(key, { pull, sides: [sideA, sideB], i: Math.min(x, y), j: Math.max(x, y) });
        }
      }
    }
    for (const [key, found] of best) {
      const pair = pairs.get(key);
      if (pair === undefined) {
        pairs.set(key, { ...found, score: found.pull, count: 1, tradeOffId: tradeOff.id });
        continue;
      }
      pair.score += found.pull;
      pair.count += 1;
      if (found.pull > pair.pull) Object.assign(pair, { ...found, tradeOffId: tradeOff.id });
    }
  }
  const ranked = [...pairs.values()].sort((p, q) => q.score - p.score || p.i - q.i || p.j - q.j);
  const nearest = nearestGoalsOfPairs(
    index,
    ranked.map((p) => [p.i, p.j]),
  );
  return ranked.map((p, k) => toPair(index, p, nearest[k] ?? null));
}

/** The strongest pull between two stakeholders (indexes i < j) across one trade-off. */
interface Strongest {
  pull: number;
  sides: [RadarSide, RadarSide];
  i: number;
  j: number;
}

interface Mutable extends Strongest {
  score: number;
  count: number;
  tradeOffId: TradeOffId;
}

function toPair(index: GoalIndex, p: Mutable, nearest: GoalId | null): RadarPair {
  const parties: [StakeholderId, StakeholderId] = [
    index.stakeholderIds[p.i] ?? p.sides[0].stakeholderId,
    index.stakeholderIds[p.j] ?? p.sides[1].stakeholderId,
  ];
  return {
    parties,
    score: p.score,
    tradeOffId: p.tradeOffId,
    sides: p.sides,
    tradeOffCount: p.count,
    nearestGoalId: nearest,
  };
}

/** Goal index → stakeholder index → the strongest way that stakeholder holds the goal. */
function holdersByGoal(
  incentives: readonly Incentive[],
  index: GoalIndex,
  maxDepth: number,
): Map<number, Map<number, RadarSide>> {
  const byGoal = new Map<number, Map<number, RadarSide>>();
  for (const incentive of incentives) {
    const s = index.stakeholderIndexById.get(incentive.stakeholderId);
    const start = index.goalIndexById.get(incentive.goalId);
    if (s === undefined || start === undefined) continue;
    const base = KIND_PULL[incentive.kind] * (incentive.weight ?? UNWEIGHTED);
    for (const [goal, path] of climbWithin(index, start, maxDepth)) {
      const pull = base * PULL_PER_LEVEL ** (path.length - 1);
      const holders = byGoal.get(goal) ?? new Map<number, RadarSide>();
      const known = holders.get(s);
      if (known === undefined || pull > known.pull) {
        const side: RadarSide = {
          stakeholderId: incentive.stakeholderId,
          kind: incentive.kind,
          path: path.map((g) => index.goalIds[g] ?? incentive.goalId),
          pull,
        };
        holders.set(s, side);
      }
      byGoal.set(goal, holders);
    }
  }
  return byGoal;
}

/** Breadth-first up the links from `start`: each goal within `maxDepth` with a shortest path to it. */
function climbWithin(index: GoalIndex, start: number, maxDepth: number): Map<number, number[]> {
  const paths = new Map<number, number[]>([[start, [start]]]);
  let frontier = [start];
  for (let depth = 0; depth < maxDepth && frontier.length > 0; depth++) {
    const next: number[] = [];
    for (const g of frontier) {
      const path = paths.get(g) ?? [g];
      const stop = index.parentStart[g + 1] ?? 0;
      for (let k = index.parentStart[g] ?? 0; k < stop; k++) {
        const p = index.parents[k] ?? 0;
        if (paths.has(p)) continue;
        paths.set(p, [...path, p]);
        next.push(p);
      }
    }
    frontier = next;
  }
  return paths;
}
