/**
 * Version history: what taking a snapshot adds to a save. A save after a pause (the stored
 * version becomes a snapshot, then retention prunes the map's 30 snapshots) against a save while
 * editing continues (no snapshot), of the same map in the same run, on fake-indexeddb.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { saveMap } from '../../src/db/repository';
import { openDatabase, type CommonGroundDb } from '../../src/db/schema';
import { PAUSE_MS } from '../../src/db/snapshotPolicy';
import type { MapDocument } from '../../src/domain/model';
import { bigMap } from './json';
import { ms, percentile, type BenchTable, type SuiteOptions } from './table';

const T0 = Date.parse('2026-01-01T09:00:00.000Z');

async function sampleAsync(fn: (i: number) => Promise<unknown>, iterations: number) {
  const out: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    await fn(i);
    out.push(performance.now() - t0);
  }
  return out;
}

/** A map whose history is full: 30 snapshots taken, so every new one also prunes one. */
async function mapWithFullHistory(db: CommonGroundDb, doc: MapDocument): Promise<number> {
  let clock = T0;
  for (let i = 0; i <= 30; i++) {
    clock += PAUSE_MS;
    await saveMap(
      db,
      { ...doc, map: { ...doc.map, name: `v${i}` } },
      undefined,
      new Date(clock).toISOString(),
    );
  }
  return clock;
}

async function measure(
  goalCount: number,
  iterations: number,
  rounds: number,
): Promise<(string | number)[]> {
  const db = openDatabase(`bench-${goalCount}`, new IDBFactory(), IDBKeyRange);
  const doc = bigMap(goalCount);
  let clock = await mapWithFullHistory(db, doc);
  const save = (stepMs: number) => (i: number) => {
    clock += stepMs;
    const next = { ...doc, map: { ...doc.map, name: `edit ${i}` } };
    return saveMap(db, next, undefined, new Date(clock).toISOString());
  };
  // Interleaved rounds, so a slow phase of the machine hits both alike.
  const plain: number[] = [];
  const paused: number[] = [];
  for (let round = 0; round < rounds; round++) {
    plain.push(...(await sampleAsync(save(1000), iterations)));
    paused.push(...(await sampleAsync(save(PAUSE_MS), iterations)));
  }
  const snapshots = await db.snapshots.count();
  db.close();
  const p50 = percentile(paused, 50);
  const base = percentile(plain, 50);
  return [
    `${goalCount.toLocaleString('en')} goals`,
    ms(base),
    ms(p50),
    ms(percentile(paused, 95)),
    (p50 / base).toFixed(1),
    snapshots,
  ];
}

/** Goal count and saves per round; three interleaved rounds of each kind of save. */
const SIZES = [
  { goals: 100, saves: 20 },
  { goals: 1_000, saves: 10 },
  { goals: 10_000, saves: 3 },
] as const;
const ROUNDS = 3;

export async function run(options: SuiteOptions = {}): Promise<BenchTable[]> {
  const rows = [];
  if (options.smoke) rows.push(await measure(SIZES[0].goals, 1, 1));
  else for (const { goals, saves } of SIZES) rows.push(await measure(goals, saves, ROUNDS));
  return [
    {
      title: 'Version history: a save that takes a snapshot',
      columns: [
        'map',
        'save, editing goes on: p50 ms',
        'save after a pause: p50 ms',
        'p95 ms',
        'ratio',
        'snapshots kept',
      ],
      rows,
      note:
        'Baseline in the same run: the same save while editing goes on (no snapshot). After a pause ' +
        'the save also stores the overwritten version as a snapshot and prunes (latest 30 kept). ' +
        'fake-indexeddb in node: the ratio, not the absolute time, carries over to browsers.',
    },
  ];
}
