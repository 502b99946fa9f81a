import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RETENTION,
  isPauseBefore,
  PAUSE_MS,
  snapshotsToDrop,
  type RetainedSnapshot,
  type RetentionPolicy,
} from '../../../src/db/snapshotPolicy';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.parse('2026-03-01T12:00:00.000Z');
/** UTC days, so the tests mean the same in every time zone. */
const utcDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const UNLIMITED: RetentionPolicy = { ...DEFAULT_RETENTION, budgetBytes: Infinity, dayOf: utcDay };

/** Up to 120 snapshots over the last 60 days, several per day, some of equal time. */
const arbSnapshots = fc
  .array(
    fc.record({
      ageMs: fc.oneof(fc.integer({ min: 0, max: 60 * DAY }), fc.constantFrom(0, DAY, 2 * DAY)),
      bytes: fc.integer({ min: 1, max: 4_000_000 }),
    }),
    { maxLength: 120, size: 'max' },
  )
  .map((list) =>
    list.map(({ ageMs, bytes }, id): RetainedSnapshot => ({ id, takenAtMs: NOW - ageMs, bytes })),
  );

const newestFirst = (list: readonly RetainedSnapshot[]) =>
  [...list].sort((a, b) => b.takenAtMs - a.takenAtMs || b.id - a.id);

function kept(list: readonly RetainedSnapshot[], policy: RetentionPolicy, now = NOW) {
  const dropped = new Set(snapshotsToDrop(list, now, policy));
  return newestFirst(list).filter((s) => !dropped.has(s.id));
}

const total = (list: readonly RetainedSnapshot[]) => list.reduce((sum, s) => sum + s.bytes, 0);

describe('isPauseBefore', () => {
  it('is a pause from ten minutes on, and when the last save time is unknown', () => {
    expect(isPauseBefore(NOW - PAUSE_MS, NOW)).toBe(true);
    expect(isPauseBefore(NOW - PAUSE_MS + 1, NOW)).toBe(false);
    expect(isPauseBefore(NOW, NOW)).toBe(false);
    // A clock set back (another device, a time zone change) is not a pause.
    expect(isPauseBefore(NOW + HOUR, NOW)).toBe(false);
    expect(isPauseBefore(Number.NaN, NOW)).toBe(true);
  });
});

describe('snapshot retention (property tests)', () => {
  it('keeps the latest 30, and for older ones exactly the newest of each of the last 30 days', () => {
    fc.assert(
      fc.property(arbSnapshots, (list) => {
        const sorted = newestFirst(list);
        const keptIds = new Set(kept(list, UNLIMITED).map((s) => s.id));
        for (const s of sorted.slice(0, 30)) expect(keptIds.has(s.id)).toBe(true);
        const seenDays = new Set<string>();
        for (const s of sorted) {
          const day = utcDay(s.takenAtMs);
          const newestOfDay = !seenDays.has(day);
          seenDays.add(day);
          if (sorted.indexOf(s) < 30) continue;
          const recent = s.takenAtMs >= NOW - 30 * DAY;
          expect(keptIds.has(s.id)).toBe(newestOfDay && recent);
        }
      }),
    );
  });

  it('never exceeds the size budget unless the newest alone does, and never drops the newest', () => {
    fc.assert(
      fc.property(arbSnapshots, fc.integer({ min: 0, max: 40_000_000 }), (list, budget) => {
        const policy = { ...UNLIMITED, budgetBytes: budget };
        const result = kept(list, policy);
        const newest = newestFirst(list)[0];
        if (newest) expect(result[0]).toEqual(newest);
        if (result.length > 1) expect(total(result)).toBeLessThanOrEqual(budget);
      }),
    );
  });

  it('the budget drops the oldest first: what stays is the newest part of what age keeps', () => {
    fc.assert(
      fc.property(arbSnapshots, fc.integer({ min: 0, max: 40_000_000 }), (list, budget) => {
        const byAge = kept(list, UNLIMITED);
        const result = kept(list, { ...UNLIMITED, budgetBytes: budget });
        expect(result).toEqual(byAge.slice(0, result.length));
        const next = byAge[result.length];
        // Stopping early would drop a snapshot the budget had room for.
        if (next) expect(total(result) + next.bytes).toBeGreaterThan(budget);
      }),
    );
  });

  it('is stable: pruning what it kept drops nothing more', () => {
    fc.assert(
      fc.property(arbSnapshots, fc.integer({ min: 0, max: 40_000_000 }), (list, budget) => {
        const policy = { ...UNLIMITED, budgetBytes: budget };
        const once = kept(list, policy);
        expect(snapshotsToDrop(once, NOW, policy)).toEqual([]);
      }),
    );
  });

  it('drops only snapshots it was given, each once', () => {
    fc.assert(
      fc.property(arbSnapshots, (list) => {
        const dropped = snapshotsToDrop(list, NOW, { ...DEFAULT_RETENTION, dayOf: utcDay });
        expect(new Set(dropped).size).toBe(dropped.length);
        for (const id of dropped) expect(list.some((s) => s.id === id)).toBe(true);
      }),
    );
  });
});

describe('snapshot retention (examples)', () => {
  it('a month of daily work keeps the last 30 edits and one per day before them', () => {
    // Every day for 40 days, 5 snapshots an hour apart.
    const list: RetainedSnapshot[] = [];
    for (let day = 0; day < 40; day++) {
      for (let n = 0; n < 5; n++) {
        list.push({ id: list.length, takenAtMs: NOW - day * DAY - n * HOUR, bytes: 1000 });
      }
    }
    const result = kept(list, UNLIMITED);
    // Days 0–5 are covered by the latest 30; days 6–30 add one each; older days go.
    expect(result).toHaveLength(30 + 25);
    expect(result.at(-1)?.takenAtMs).toBe(NOW - 30 * DAY);
  });

  it('the default budget is 25 MB per map', () => {
    const big = Array.from({ length: 10 }, (_, id) => ({
      id,
      takenAtMs: NOW - id * HOUR,
      bytes: 6 * 1024 * 1024,
    }));
    expect(kept(big, { ...DEFAULT_RETENTION, dayOf: utcDay }).map((s) => s.id)).toEqual([
      0, 1, 2, 3,
    ]);
  });
});
