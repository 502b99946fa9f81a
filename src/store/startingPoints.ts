import { createEmptyMap } from '../domain/factories';
import { asMapId, newId } from '../domain/ids';
import type { MapDocument } from '../domain/model';

/** What a new map starts as: nothing, or a copy of the example company. */
export type StartingPoint = 'empty' | 'example';

export const EMPTY_MAP_NAME = 'Untitled map';

/**
 * `base`, or `base 2`, `base 3`… whichever no other map uses yet: two maps with the same name
 * cannot be told apart in the library or by a screen reader's button names.
 */
export function uniqueName(base: string, taken: readonly string[]): string {
  const names = new Set(taken);
  if (!names.has(base)) return base;
  let n = 2;
  while (names.has(`${base} ${n}`)) n += 1;
  return `${base} ${n}`;
}

/**
 * A new map document. The example gets a fresh id every time, because the starter copy created
 * on first run already uses the example's fixed id, and the user may want several to play with.
 * The example company loads on demand: most starts never need it.
 */
export async function newMapDocument(
  from: StartingPoint,
  takenNames: readonly string[],
  now: string,
): Promise<MapDocument> {
  if (from === 'empty') return createEmptyMap(uniqueName(EMPTY_MAP_NAME, takenNames), now);
  const { createExampleMap } = await import('../domain/exampleMap');
  const example = createExampleMap(now);
  const name = uniqueName(`${example.map.name} (example)`, takenNames);
  return { ...example, map: { ...example.map, id: asMapId(newId('m')), name } };
}
