/**
 * What the first map waits on besides the first screen's script and stylesheet: the files boot
 * and the canvas fetch before a map can be drawn (which differ between a first and a return visit). The bundle suite counts them against the budget
 * (issue #10: what a first visit downloads before the first map shows), and a browser test
 * (test/e2e/lazyParts.e2e.ts) holds back every other file and sees the first map drawn all the
 * same, so a file the map comes to wait on cannot be left out of the count unnoticed.
 */
export interface FirstMapChunk {
  /** The chunk's name: its file is `assets/<name>-<hash>.js`. */
  readonly name: string;
  /**
   * `every`: every start waits on it; `first`: only a first visit (a new database) does;
   * `return`: only a return visit does (a first visit loads it after its first map).
   */
  readonly visits: 'every' | 'first' | 'return';
  readonly why: string;
}

export const FIRST_MAP_CHUNKS: readonly FirstMapChunk[] = [
  {
    name: 'database',
    visits: 'return',
    why: 'Dexie: a return visit reads its last map from the database (src/app/boot.ts)',
  },
  {
    name: 'stored-map-reader',
    visits: 'return',
    why: 'a return visit reads its last map through it (src/db/storedMapReader.ts)',
  },
  {
    name: 'layout.worker',
    visits: 'every',
    why: 'a map is drawn once its first layout arrives (src/canvas/useAutoLayout.ts)',
  },
  {
    name: 'exampleMap',
    visits: 'first',
    why: 'a first visit (no database yet) shows the example map (src/app/boot.ts)',
  },
];

/** The chunk of `FIRST_MAP_CHUNKS` a built file (`assets/…`, or a URL path) is, if any. */
export function firstMapChunkOf(file: string): FirstMapChunk | undefined {
  return FIRST_MAP_CHUNKS.find((chunk) =>
    new RegExp(`(^|/)assets/${chunk.name.replace('.', '\\.')}-[\\w-]{8}\\.js$`).test(file),
  );
}
