/**
 * A shared map joining a room, the part that runs on the joining device: the map written into a
 * Y.Doc, its state encoded (what the relay sends), applied on a fresh Y.Doc, then read and
 * repaired. Baseline in the same run: importing the same map as a JSON file.
 */
import * as Y from 'yjs';
import { repairMapDocument } from '../../src/domain/repair';
import { exportMapJson, importMapJson } from '../../src/io/json';
import { removeGoal } from '../../src/domain/commands';
import type { MapDocument } from '../../src/domain/model';
import { readMapDocument } from '../../src/rooms/readRoom';
import { listMap, ROOM_LISTS } from '../../src/rooms/roomShape';
import { writeEdit, writeMapDocument } from '../../src/rooms/writeRoom';
import { bigMap } from './json';
import { ms, percentile, samplerFor } from './table';
import type { BenchTable, SuiteOptions } from './table';

/** The target for a 2,000-goal shared map joining (the relay's share comes on top). */
const JOIN_TARGET_MS = 1000;
const SIZES = [200, 2_000] as const;

export function run(options: SuiteOptions = {}): Promise<BenchTable[]> {
  const sample = samplerFor(options);
  const rows: (string | number)[][] = [];
  for (const goalCount of options.smoke ? SIZES.slice(0, 1) : SIZES) {
    const doc = bigMap(goalCount);
    const source = new Y.Doc();
    writeMapDocument(source, doc);
    const state = Y.encodeStateAsUpdate(source);
    const text = exportMapJson(doc);
    const join = () => {
      const ydoc = new Y.Doc();
      Y.applyUpdate(ydoc, state);
      return repairMapDocument(readMapDocument(ydoc, doc.map).doc);
    };
    const joined = join();
    if (exportMapJson(joined.doc) !== text)
      throw new Error('the joined map differs from the shared one');
    const iterations = options.smoke ? 1 : goalCount >= 2_000 ? 15 : 40;
    const write = sample(() => writeMapDocument(new Y.Doc(), doc), iterations);
    const joining = sample(join, iterations);
    const baseline = sample(() => importMapJson(text), iterations);
    const p50 = percentile(joining, 50);
    const base50 = percentile(baseline, 50);
    rows.push([
      goalCount.toLocaleString('en'),
      (state.length / 1024).toFixed(0),
      (text.length / 1024).toFixed(0),
      ms(percentile(write, 50)),
      ms(p50),
      ms(percentile(joining, 95)),
      ms(base50),
      (p50 / base50).toFixed(1),
      goalCount >= 2_000 ? `≤ ${JOIN_TARGET_MS} ms ${p50 <= JOIN_TARGET_MS ? 'ok' : 'MISSED'}` : '',
    ]);
  }
  return Promise.resolve([
    tombstoneTable(options),
    {
      title: 'Rooms: a shared map in a Y.Doc, written and joined',
      columns: [
        'goals',
        'Y state KB',
        'JSON file KB',
        'write p50 ms',
        'join p50 ms',
        'join p95 ms',
        'baseline p50 ms',
        'ratio',
        'target (2,000)',
      ],
      rows,
      note:
        'join = apply the encoded state on a fresh Y.Doc, read every record with the file ' +
        "format's checks, repair. Baseline in the same run: importMapJson of the same map's " +
        'JSON file. write = writeMapDocument into an empty Y.Doc. ratio = join / baseline.',
    },
  ]);
}

/**
 * What deleted records leave in a room's document: a deleted record keeps its Y.Map, marked
 * (rooms/tombstones.ts). Each goal is deleted as its own edit (with its link and incentives),
 * leaves first. Baseline in the same run: the same records removed from their lists outright,
 * as rooms did before (Yjs keeps a few bytes of every removed entry either way).
 */
function tombstoneTable(options: SuiteOptions): BenchTable {
  const deletes = options.smoke ? 50 : 1_000;
  const start = bigMap(deletes + 100);
  const marked = new Y.Doc();
  const removed = new Y.Doc();
  writeMapDocument(marked, start);
  writeMapDocument(removed, start);
  const size = (ydoc: Y.Doc) => Y.encodeStateAsUpdate(ydoc).length;
  const before = size(marked);
  let doc: MapDocument = start;
  for (let i = start.goals.length - 1; i >= start.goals.length - deletes; i--) {
    const goal = doc.goals[i];
    const result = goal && removeGoal(doc, goal.id);
    if (!result?.ok) throw new Error(`goal ${i} could not be deleted`);
    writeEdit(marked, doc, result.value, 'bench');
    const after = result.value;
    removed.transact(() => {
      for (const list of ROOM_LISTS) {
        const kept = new Set(after[list].map((r) => r.id));
        for (const r of doc[list]) if (!kept.has(r.id)) listMap(removed, list).delete(r.id);
      }
    });
    doc = after;
  }
  if (exportMapJson(readMapDocument(marked, start.map).doc) !== exportMapJson(doc))
    throw new Error('the marked document does not read back as the map after the deletes');
  const kb = (bytes: number) => (bytes / 1024).toFixed(1);
  const perDelete = (bytes: number) => ((bytes - before) / deletes).toFixed(0);
  return {
    title: 'Rooms: what deleted records leave in the document',
    columns: [
      'goals deleted',
      'Y state KB before',
      'marked KB after',
      'marked B per delete',
      'baseline KB after',
      'baseline B per delete',
      'kept B per delete',
    ],
    rows: [
      [
        deletes.toLocaleString('en'),
        kb(before),
        kb(size(marked)),
        perDelete(size(marked)),
        kb(size(removed)),
        perDelete(size(removed)),
        ((size(marked) - size(removed)) / deletes).toFixed(0),
      ],
    ],
    note:
      `A map of ${start.goals.length.toLocaleString('en')} goals; each delete one edit (the goal, ` +
      'its link and incentives). marked = as rooms delete now (the Y.Map kept with a delete ' +
      'mark); baseline = the same records removed from their lists outright; kept = marked − ' +
      'baseline, what a delete now leaves that it did not before.',
  };
}
