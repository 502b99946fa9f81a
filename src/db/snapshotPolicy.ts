/**
 * When a map's version history keeps a snapshot, and which snapshots it keeps. Pure functions of
 * times in epoch milliseconds, so tests pass any clock and never wait.
 */

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/** A gap this long between two saves means the user stopped and came back: worth a snapshot. */
export const PAUSE_MS = 10 * MINUTE_MS;

/**
 * True when the stored version was last saved at least PAUSE_MS before `nowMs`. An unknown time
 * (a row from before snapshots existed, or an unreadable one) counts as a pause: keeping one
 * copy too many is cheap, losing the only old copy is not.
 */
export function isPauseBefore(lastSavedMs: number, nowMs: number): boolean {
  return !Number.isFinite(lastSavedMs) || nowMs - lastSavedMs >= PAUSE_MS;
}

/** What retention needs to know about a snapshot. */
export interface RetainedSnapshot {
  readonly id: number;
  readonly takenAtMs: number;
  readonly bytes: number;
}

export interface RetentionPolicy {
  /** The newest this many are always kept (unless the size budget says otherwise). */
  readonly latest: number;
  /** Beyond those, one per calendar day is kept for this many days back. */
  readonly days: number;
  /** Total size per map; the oldest go first when it is exceeded, never the newest. */
  readonly budgetBytes: number;
  /** The calendar day a time falls on; the user's local day unless a test says otherwise. */
  readonly dayOf: (ms: number) => string;
}

function localDay(ms: number): string {
  const date = new Date(ms);
  return `${date.getFullYear()}-${date.getMonth() + 1}-${date.getDate()}`;
}

export const DEFAULT_RETENTION: RetentionPolicy = {
  latest: 30,
  days: 30,
  budgetBytes: 25 * 1024 * 1024,
  dayOf: localDay,
};

const newestFirst = (a: RetainedSnapshot, b: RetainedSnapshot): number =>
  b.takenAtMs - a.takenAtMs || b.id - a.id;

/** The latest `policy.latest`, plus the newest snapshot of each recent day not yet represented. */
function keptByAge(
  sorted: readonly RetainedSnapshot[],
  nowMs: number,
  policy: RetentionPolicy,
): RetainedSnapshot[] {
  const oldestDayKept = nowMs - policy.days * DAY_MS;
  const daysSeen = new Set<string>();
  return sorted.filter((snapshot, index) => {
    const day = policy.dayOf(snapshot.takenAtMs);
    // Newest first, so the first snapshot seen of each day is that day's newest.
    const firstOfDay = !daysSeen.has(day);
    daysSeen.add(day);
    return index < policy.latest || (firstOfDay && snapshot.takenAtMs >= oldestDayKept);
  });
}

/** The newest snapshots whose sizes fit the budget together; the newest one always stays. */
function withinBudget(kept: readonly RetainedSnapshot[], budgetBytes: number): RetainedSnapshot[] {
  let total = 0;
  let count = 0;
  for (const snapshot of kept) {
    total += snapshot.bytes;
    if (count > 0 && total > budgetBytes) break;
    count += 1;
  }
  return kept.slice(0, count);
}

/** The ids of the snapshots retention drops, given all of one map's snapshots. */
export function snapshotsToDrop(
  snapshots: readonly RetainedSnapshot[],
  nowMs: number,
  policy: RetentionPolicy = DEFAULT_RETENTION,
): number[] {
  const sorted = [...snapshots].sort(newestFirst);
  const kept = new Set(
    withinBudget(keptByAge(sorted, nowMs, policy), policy.budgetBytes).map((s) => s.id),
  );
  return sorted.filter((s) => !kept.has(s.id)).map((s) => s.id);
}
