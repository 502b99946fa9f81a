import { err, ok, type Result } from '../../domain/result';
import { problem, type ImportProblem } from '../problems';
import { describeThrown, importData, withoutThrowing, type ImportResult } from './importer';
import { checkJsonText } from './syntax';

/*
 * Reading a file's text is apart from reading stored maps (importer.ts), so the checks on raw
 * text load with the first import instead of with the first screen.
 */

const BYTE_ORDER_MARK = '\uFEFF';

/** Text → map document. Never throws, whatever the text. */
export function importMapJson(text: string): ImportResult {
  return withoutThrowing(() => {
    // Editors on Windows often save a byte order mark, which JSON.parse refuses.
    const source = text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text;
    const checked = checkJsonText(source);
    if (checked.refused.length > 0) return err(checked.refused);
    const parsed = parseChecked(source);
    if (!parsed.ok) return parsed;
    const imported = importData(parsed.value, true);
    if (!imported.ok || checked.warnings.length === 0) return imported;
    // Capped with the rest by withoutThrowing.
    return ok({ ...imported.value, warnings: [...checked.warnings, ...imported.value.warnings] });
  });
}

/**
 * checkJsonText accepted the text, so JSON.parse should too; if an engine still disagrees, its
 * own message is the best we have.
 */
function parseChecked(source: string): Result<unknown, ImportProblem[]> {
  try {
    const data: unknown = JSON.parse(source);
    return ok(data);
  } catch (error) {
    return err([problem('', `not valid JSON: ${describeThrown(error)}`)]);
  }
}
