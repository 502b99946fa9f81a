import { err, ok, type Result } from '../../domain/result';
import { problem, type ImportProblem } from '../problems';
import { MAX_DEPTH, MAX_VALUES } from './format';
import { formatPath } from '../../domain/paths';

/** Where a value sits, as a chain up to the root: cheaper than an array per value. */
export interface Location {
  readonly parent: Location | null;
  readonly key: string | number;
}

export function pathOf(location: Location | null): string {
  const keys: (string | number)[] = [];
  for (let at = location; at !== null; at = at.parent) keys.push(at.key);
  return formatPath(keys.reverse());
}

interface Pending {
  readonly source: object;
  readonly copy: object;
  readonly location: Location | null;
  readonly depth: number;
}

const OWN_DATA = (value: unknown): PropertyDescriptor => ({
  value,
  writable: true,
  enumerable: true,
  configurable: true,
});

const isContainer = (value: unknown): value is object =>
  typeof value === 'object' && value !== null;

/**
 * Copies parsed (or handed-in) data into plain arrays and null-prototype objects holding only own
 * enumerable properties, so nothing later can read through a prototype chain or trigger a getter
 * twice. Any key is kept, "__proto__", "constructor" and "prototype" included: they are ordinary
 * ids (a stakeholder may be called "constructor"), and in a null-prototype object they are
 * ordinary properties. On the way it bounds depth and size; objects handed in directly never went
 * through the text guards. A loop over a queue, not recursion, so depth cannot overflow the call stack.
 *
 * `inPlace` is for data the importer made itself (JSON.parse output: own data properties only):
 * it is hardened where it lies instead of copied, which halves the work for big files.
 */
export function sanitize(data: unknown, inPlace = false): Result<unknown, ImportProblem[]> {
  if (!isContainer(data)) return ok(data);
  const copier = new Copier(data, inPlace);
  const stopped = copier.run();
  if (stopped !== null) return err([stopped]);
  return ok(copier.root);
}

class Copier {
  readonly root: object;
  // Breadth first through a growing queue: problems come out in reading order, level by level.
  private readonly queue: Pending[];
  private values = 1;

  constructor(
    data: object,
    private readonly inPlace: boolean,
  ) {
    this.root = this.copyOf(data);
    this.queue = [{ source: data, copy: this.root, location: null, depth: 1 }];
  }

  /** Copies everything; returns the problem that stopped it early, if one did. */
  run(): ImportProblem | null {
    for (let q = 0; q < this.queue.length; q++) {
      const next = this.queue[q];
      if (next === undefined) break;
      // An array's length is checked against the budget before its (possibly sparse) slots are read.
      const keys = Array.isArray(next.source) ? next.source.length : Object.keys(next.source);
      const count = typeof keys === 'number' ? keys : keys.length;
      this.values += count;
      if (this.values > MAX_VALUES) return problem('', `file holds more than ${MAX_VALUES} values`);
      for (let i = 0; i < count; i++) {
        const stopped = this.copyValue(next, typeof keys === 'number' ? i : (keys[i] ?? ''));
        if (stopped !== null) return stopped;
      }
      // Filled first, prototype dropped after: V8 keeps such objects in its fast representation,
      // which Object.create(null) plus property adds would not (validation ran 2x slower).
      if (!Array.isArray(next.copy)) Object.setPrototypeOf(next.copy, null);
    }
    return null;
  }

  private copyValue(from: Pending, key: string | number): ImportProblem | null {
    const value: unknown = Reflect.get(from.source, key);
    if (!isContainer(value)) {
      this.store(from.copy, key, value);
      return null;
    }
    // A cyclic object (possible only when handed in) is infinitely deep and stops here; shared
    // references are copied each time they appear, within the value budget.
    if (from.depth >= MAX_DEPTH) return problem('', `nesting is deeper than ${MAX_DEPTH} levels`);
    const copy = this.copyOf(value);
    this.store(from.copy, key, copy);
    const location = { parent: from.location, key };
    this.queue.push({ source: value, copy, location, depth: from.depth + 1 });
    return null;
  }

  private copyOf(source: object): object {
    if (this.inPlace) return source;
    return Array.isArray(source) ? [] : {};
  }

  /** Array slots are copied in index order, so pushing rebuilds the array densely. */
  private store(copy: object, key: string | number, value: unknown): void {
    if (this.inPlace) return;
    if (Array.isArray(copy)) copy.push(value);
    // Defined, not assigned: assigning "__proto__" to the copy (still an ordinary object while
    // it is filled) would replace its prototype instead of adding a key.
    else if (key === '__proto__') Object.defineProperty(copy, key, OWN_DATA(value));
    else Reflect.set(copy, key, value);
  }
}
