import { err, ok, type Result } from '../../domain/result';
import { problem, type ImportProblem } from '../problems';
import { CURRENT_VERSION, FORMAT_NAME } from './format';
import { describeValue } from '../../domain/paths';

const WHOLE_NUMBER = `a whole number such as ${CURRENT_VERSION}`;

/**
 * Reads the type tag and version before anything else: a file that is not ours, or is from a
 * newer app, gets one clear sentence instead of a list of structural complaints.
 * Returns the file's version, from which migrations start.
 */
export function readHeader(root: unknown): Result<number, ImportProblem[]> {
  if (typeof root !== 'object' || root === null || Array.isArray(root)) {
    return err([
      problem('', `expected a JSON object at the top level, got ${describeValue(root)}`),
    ]);
  }
  const format: unknown = Reflect.get(root, 'format');
  if (format !== FORMAT_NAME) {
    const message = `${unexpected(format, `"${FORMAT_NAME}"`)}; this does not look like a Common Ground map file`;
    return err([problem('format', message)]);
  }
  const version: unknown = Reflect.get(root, 'version');
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    return err([problem('version', unexpected(version, WHOLE_NUMBER))]);
  }
  if (version < 1) return err([problem('version', `expected ${WHOLE_NUMBER}, got ${version}`)]);
  if (version > CURRENT_VERSION) {
    return err([
      problem('', `version ${version} is newer than this app supports (${CURRENT_VERSION})`),
    ]);
  }
  return ok(version);
}

function unexpected(found: unknown, expected: string): string {
  return found === undefined
    ? `missing; expected ${expected}`
    : `expected ${expected}, got ${describeValue(found)}`;
}
