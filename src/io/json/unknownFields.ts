import { problem, type ImportProblem } from '../problems';
import { pathOf, type Location } from './sanitize';

interface Pair {
  readonly input: object;
  readonly output: object;
  readonly location: Location | null;
  /** The location with list indices left out, so goals[0].x and goals[7].x count as one field. */
  readonly shape: string;
}

interface Sighting {
  readonly location: Location;
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
  if (!isObject(input) || !isObject(output)) return [];
  const sightings = new Map<string, Sighting>();
  // Breadth first, so the path reported for a repeated field is its first occurrence.
  const pending: Pair[] = [{ input, output, location: null, shape: '' }];
  for (let q = 0; q < pending.length; q++) {
    const next = pending[q];
    if (next === undefined) break;
    const { input: from, output: to, location, shape } = next;
    if (Array.isArray(from) && Array.isArray(to)) {
      const itemShape = `${shape}[]`;
      for (let i = 0; i < to.length; i++) {
        const original: unknown = from[i];
        const validated: unknown = to[i];
        if (isObject(original) && isObject(validated)) {
          const child = { parent: location, key: i };
          pending.push({ input: original, output: validated, location: child, shape: itemShape });
        }
      }
      continue;
    }
    for (const key of Object.keys(from)) {
      if (!Object.hasOwn(to, key)) {
        const seen = sightings.get(`${shape}.${key}`);
        if (seen === undefined) {
          sightings.set(`${shape}.${key}`, { location: { parent: location, key }, count: 1 });
        } else seen.count++;
        continue;
      }
      const original: unknown = Reflect.get(from, key);
      const validated: unknown = Reflect.get(to, key);
      if (isObject(original) && isObject(validated)) {
        const child = { parent: location, key };
        pending.push({
          input: original,
          output: validated,
          location: child,
          shape: `${shape}.${key}`,
        });
      }
    }
  }
  return [...sightings.values()].map(({ location, count }) =>
    problem(pathOf(location), ignored(count)),
  );
}

function ignored(count: number): string {
  if (count === 1) return 'unknown field, ignored';
  return `unknown field, ignored (here and in ${count - 1} more ${count === 2 ? 'place' : 'places'})`;
}
