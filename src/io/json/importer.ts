import { checkInvariants } from '../../domain/invariants';
import type { MapDocument } from '../../domain/model';
import { describeError, err, ok, type Result } from '../../domain/result';
import { capProblems, MAX_PROBLEMS, problem, type ImportProblem } from '../problems';
import { fileToDocument } from './document';
import { readHeader } from './header';
import { migrate } from './migrations';
import { sanitize } from './sanitize';
import { validateFile } from './schema';
import { unknownFieldWarnings } from './unknownFields';

export interface ImportedMap {
  readonly doc: MapDocument;
  /** Things that did not stop the import but the user may want to know (ignored fields). */
  readonly warnings: readonly ImportProblem[];
}

export type ImportResult = Result<ImportedMap, readonly ImportProblem[]>;

/** Start of the message for a failure nobody anticipated; the fuzz tests assert it never shows. */
export const UNEXPECTED_FAILURE = 'could not read the file because of an unexpected error';

/** Already-parsed data (a file object, e.g. reloaded from the database) → map document. */
export function importMapObject(data: unknown): ImportResult {
  return withoutThrowing(() => importData(data));
}

/** Every problem list leaves the importer capped, however many the file holds. */
function capped(result: ImportResult): ImportResult {
  if (!result.ok) return err(capProblems(result.error));
  const { warnings } = result.value;
  return warnings.length > MAX_PROBLEMS
    ? ok({ ...result.value, warnings: capProblems(warnings) })
    : result;
}

/**
 * Sanitized, migrated, validated, checked: the steps every map goes through, file or stored.
 * `ownsData` says the caller made `data` itself, so sanitizing may reuse it instead of copying.
 */
export function importData(data: unknown, ownsData = false): ImportResult {
  const clean = sanitize(data, ownsData);
  if (!clean.ok) return clean;
  const version = readHeader(clean.value);
  if (!version.ok) return version;
  const migrated = migrate(clean.value, version.value);
  if (!migrated.ok) return err([problem('', migrated.error)]);
  const file = validateFile(migrated.value);
  if (!file.ok) return file;
  const doc = fileToDocument(file.value);
  const broken = checkInvariants(doc);
  if (broken.length > 0) return err(broken);
  return ok({ doc, warnings: unknownFieldWarnings(migrated.value, file.value) });
}

/** Last resort: turns anything thrown into a problem, so callers never need a try. */
export function withoutThrowing(run: () => ImportResult): ImportResult {
  try {
    return capped(run());
  } catch (error) {
    return err([problem('', `${UNEXPECTED_FAILURE} (${describeThrown(error)})`)]);
  }
}

/** Reading a hostile thrown value (a proxy, a getter) can throw again; never let it escape. */
export function describeThrown(error: unknown): string {
  try {
    return describeError(error);
  } catch {
    return 'unknown error';
  }
}
