/**
 * A shared map joining a room, the part that runs on the joining device: the map written into a
 * Y.Doc, its state encoded (what the relay sends), applied on a fresh Y.Doc, then read and
 * repaired. Baseline in the same run: importing the same map as a JSON file.
 */
import * as Y from 'yjs';
import { repairMapDocument } from '../../src/domain/repair';
import { exportMapJson, importMapJson } from '../../src/io/json';
import { readMapDocument } from '../../src/rooms/readRoom';
import { writeMapDocument } from '../../src/rooms/writeRoom';
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
