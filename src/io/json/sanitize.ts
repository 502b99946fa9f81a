import { err, ok, type Result } from '../../domain/result';
import { problem, type ImportProblem } from '../problems';
import { MAX_DEPTH, MAX_VALUES } from './format';
import { formatPath } from './paths';

/** Keys that reach Object.prototype through ordinary property writes and reads. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

type Container = Record<string, unknown> | unknown[];

interface Pending {
  readonly source: object;
  readonly copy: Container;
  readonly path: readonly PropertyKey[];
  readonly depth: number;
}

const isContainer = (value: unknown): value is object =>
  typeof value === 'object' && value !== null;

/**
 * Copies parsed (or handed-in) data into plain arrays and null-prototype objects holding only own
 * enumerable properties, so nothing later can read through a prototype chain or trigger a getter
 * twice. On the way it refuses prototype-polluting keys (JSON.parse makes "__proto__" an own
 * property) and bounds depth and size; objects handed in directly never went through the text
 * guards. A loop with an explicit stack, so depth cannot overflow the call stack.
 */
export function sanitize(data: unknown): Result<unknown, ImportProblem[]> {
  if (!isContainer(data)) return ok(data);
  const root = emptyCopy(data);
  const copies = new Map<object, Container>([[data, root]]);
  // Breadth first through a growing queue: problems come out in reading order, level by level.
  const queue: Pending[] = [{ source: data, copy: root, path: [], depth: 1 }];
  const problems: ImportProblem[] = [];
  let values = 1;
  for (let q = 0; q < queue.length; q++) {
    const next = queue[q];
    if (next === undefined) break;
    const keys = childKeys(next.source, MAX_VALUES - values);
    if (keys === null) return err([problem('', `file holds more than ${MAX_VALUES} values`)]);
    values += keys.length;
    for (const key of keys) {
      if (typeof key === 'string' && FORBIDDEN_KEYS.has(key)) {
        problems.push(problem(formatPath([...next.path, key]), `key "${key}" is not allowed`));
        continue;
      }
      const value: unknown = Reflect.get(next.source, key);
      // Shared or cyclic references (possible only in handed-in objects) are copied once.
      const known = isContainer(value) ? copies.get(value) : undefined;
      if (!isContainer(value) || known !== undefined) {
        store(next.copy, key, known ?? value);
        continue;
      }
      if (next.depth >= MAX_DEPTH) {
        return err([problem('', `nesting is deeper than ${MAX_DEPTH} levels`)]);
      }
      const copy = emptyCopy(value);
      copies.set(value, copy);
      store(next.copy, key, copy);
      queue.push({ source: value, copy, path: [...next.path, key], depth: next.depth + 1 });
    }
  }
  return problems.length > 0 ? err(problems) : ok(root);
}

/** Own keys to copy, or null when there are more than the remaining budget (sparse giants). */
function childKeys(source: object, budget: number): (string | number)[] | null {
  if (!Array.isArray(source)) {
    const keys = Object.keys(source);
    return keys.length > budget ? null : keys;
  }
  if (source.length > budget) return null;
  return Array.from({ length: source.length }, (_, i) => i);
}

function emptyCopy(source: object): Container {
  return Array.isArray(source) ? [] : (Object.create(null) as Record<string, unknown>);
}

function store(copy: Container, key: string | number, value: unknown): void {
  if (Array.isArray(copy)) copy[Number(key)] = value;
  else copy[key] = value;
}
