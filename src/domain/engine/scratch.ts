import type { GoalIndex } from './types';

/**
 * A stamp per goal that counts as "set" only when it equals the current epoch, so clearing it for
 * the next query is one increment instead of a pass over every goal of the map.
 */
export interface Marks {
  readonly stamp: Int32Array;
  epoch: number;
}

const LAST_EPOCH = 0x7fffffff;

export function createMarks(goalCount: number): Marks {
  return { stamp: new Int32Array(goalCount), epoch: 0 };
}

/** Starts a fresh generation; wraps (with one real clear) after 2^31 uses. */
export function nextEpoch(marks: Marks): number {
  if (marks.epoch === LAST_EPOCH) {
    marks.stamp.fill(0);
    marks.epoch = 0;
  }
  marks.epoch += 1;
  return marks.epoch;
}

/** One party's upward breadth-first walk, valid for the goals stamped with marks.epoch. */
export interface Climb {
  readonly marks: Marks;
  /** d_P(g): fewest links from any of the party's incentive goals. */
  readonly dist: Int32Array;
  /** The child g was first reached from (one step back on a shortest path); -1 at a start goal. */
  readonly via: Int32Array;
  /** Reached goals in breadth-first order, so order[0 .. count) is exactly up(P). */
  readonly order: Int32Array;
  count: number;
}

/** Reusable buffers for one index; queries are synchronous, so one set per index is enough. */
export interface Scratch {
  /** One walk per party slot, created the first time that many parties are asked about. */
  readonly climbs: Climb[];
  /** Set on every parent of a common goal: what is left unmarked is lowest. */
  readonly notLowest: Marks;
  /** Common goals of the current query with their total and largest single climb. */
  readonly common: Int32Array;
  readonly commonTotal: Int32Array;
  readonly commonMax: Int32Array;
}

const scratchByIndex = new WeakMap<GoalIndex, Scratch>();

export function scratchFor(index: GoalIndex): Scratch {
  const existing = scratchByIndex.get(index);
  if (existing) return existing;
  const n = index.goalIds.length;
  const scratch: Scratch = {
    climbs: [],
    notLowest: createMarks(n),
    common: new Int32Array(n),
    commonTotal: new Int32Array(n),
    commonMax: new Int32Array(n),
  };
  scratchByIndex.set(index, scratch);
  return scratch;
}

export function climbSlot(index: GoalIndex, scratch: Scratch, slot: number): Climb {
  const n = index.goalIds.length;
  while (scratch.climbs.length <= slot) {
    scratch.climbs.push({
      marks: createMarks(n),
      dist: new Int32Array(n),
      via: new Int32Array(n),
      order: new Int32Array(n),
      count: 0,
    });
  }
  const climb = scratch.climbs[slot];
  if (!climb) throw new Error(`climb slot ${slot} was not created`);
  return climb;
}

/** Multi-source BFS up the links from stakeholder s's incentive goals, touching only ancestors. */
export function climbUp(index: GoalIndex, stakeholder: number, climb: Climb): void {
  const { parentStart, parents, incentiveStart, incentiveGoals } = index;
  const { stamp } = climb.marks;
  const { dist, via, order } = climb;
  const epoch = nextEpoch(climb.marks);
  let tail = 0;
  const end = incentiveStart[stakeholder + 1] ?? 0;
  for (let k = incentiveStart[stakeholder] ?? 0; k < end; k++) {
    const g = incentiveGoals[k] ?? 0;
    stamp[g] = epoch;
    dist[g] = 0;
    via[g] = -1;
    order[tail++] = g;
  }
  for (let head = 0; head < tail; head++) {
    const g = order[head] ?? 0;
    const d = (dist[g] ?? 0) + 1;
    const stop = parentStart[g + 1] ?? 0;
    for (let k = parentStart[g] ?? 0; k < stop; k++) {
      const p = parents[k] ?? 0;
      if (stamp[p] === epoch) continue;
      stamp[p] = epoch;
      dist[p] = d;
      via[p] = g;
      order[tail++] = p;
    }
  }
  climb.count = tail;
}

export function incentiveCount(index: GoalIndex, stakeholder: number): number {
  return (index.incentiveStart[stakeholder + 1] ?? 0) - (index.incentiveStart[stakeholder] ?? 0);
}
