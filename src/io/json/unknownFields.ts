import { problem, type ImportProblem } from '../problems';
import { formatPath } from './paths';

interface Pair {
  readonly input: unknown;
  readonly output: unknown;
  readonly path: readonly PropertyKey[];
}

interface Sighting {
  readonly path: string;
  count: number;
}

const isObject = (v: unknown): v is object => typeof v === 'object' && v !== null;

/**
 * Unknown fields are ignored on import, but a typo ("descripton") would silently lose data, so
 * each one becomes a warning. Validated output holds exactly the known fields, so comparing it
 * with the input finds them without a second list of field names. Repeats of the same field across
 * list items ("goals[*].colour") are reported once, with a count.
 */
export function unknownFieldWarnings(input: unknown, output: unknown): ImportProblem[] {
  const sightings = new Map<string, Sighting>();
  // Breadth first, so the path reported for a repeated field is its first occurrence.
  const pending: Pair[] = [{ input, output, path: [] }];
  for (let q = 0; q < pending.length; q++) {
    const next = pending[q];
    if (next === undefined) break;
    const { input: from, output: to, path } = next;
    if (!isObject(from) || !isObject(to)) continue;
    if (Array.isArray(from) && Array.isArray(to)) {
      to.forEach((item: unknown, i) =>
        pending.push({ input: from[i], output: item, path: [...path, i] }),
      );
      continue;
    }
    for (const key of Object.keys(from)) {
      if (Object.hasOwn(to, key)) {
        pending.push({
          input: Reflect.get(from, key),
          output: Reflect.get(to, key),
          path: [...path, key],
        });
        continue;
      }
      const shape = [...path.map((s) => (typeof s === 'number' ? '[]' : String(s))), key].join('.');
      const seen = sightings.get(shape);
      if (seen === undefined) sightings.set(shape, { path: formatPath([...path, key]), count: 1 });
      else seen.count++;
    }
  }
  return [...sightings.values()].map(({ path, count }) =>
    problem(
      path,
      count === 1
        ? 'unknown field, ignored'
        : `unknown field, ignored (here and in ${count - 1} more ${count === 2 ? 'place' : 'places'})`,
    ),
  );
}
