import type { ImportResult, importMapObject } from '../io/json/importer';

/**
 * Every stored map (a saved map, a version in History, edits a closed tab left behind) is read
 * through the validating importer, exactly as a file the user opens. The importer (zod and the
 * file format's rules) is not part of the first screen's script: boot fetches it while the
 * database opens, and every reader here waits for it before it reads. Inside a database
 * transaction nothing may wait for the network, so code that reads a map in a transaction loads
 * the reader before the transaction begins (see `readStoredMapNow`).
 */
let importer: typeof importMapObject | undefined;
let loading: Promise<void> | undefined;

/** Fetches the importer once; a failed fetch is tried again by the next caller. */
export function loadStoredMapReader(): Promise<void> {
  loading ??= import('../io/json/importer').then(
    (loaded) => {
      importer = loaded.importMapObject;
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** A stored file object through the importer, once it is there (waits for it if need be). */
export async function readStoredMap(file: unknown): Promise<ImportResult> {
  await loadStoredMapReader();
  return readStoredMapNow(file);
}

/**
 * The same, without waiting: for code inside a transaction, whose caller awaited
 * `loadStoredMapReader` before the transaction began. Reading earlier is a bug, so it throws.
 */
export function readStoredMapNow(file: unknown): ImportResult {
  if (importer === undefined) {
    throw new Error('A stored map was read before the importer was loaded (loadStoredMapReader).');
  }
  return importer(file);
}
