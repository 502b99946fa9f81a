import { importIntoLibrary, type ImportedIntoLibrary } from '../db/importMap';
import type { MapDocument } from '../domain/model';
import { describeError, err, ok, type Result } from '../domain/result';
import type { ParsedGoalCsv } from '../io/csv/parse';
import { planCsvImport } from '../io/csv/plan';
import { problem, type ImportProblem } from '../io/problems';
import { getDatabase } from './database';
import { documentStore } from './documentStore';
import type { MapFile } from '../io/importFile';
import { closeImport, fail, importStore, notify, setStep } from './importSteps';
import { replaceOpenContent, type ReplacedContent } from './replaceContent';
import { libraryStore } from './libraryStore';

/**
 * The import flow once a file is read (importSteps.ts): store it as a new map or apply it to the
 * open one. Only the import dialogs use this, so it loads with them, not with the first screen.
 */

/** importIntoLibrary, with a failed write (a full disk) reported like any other problem. */
async function storeAsNewMap(
  doc: MapDocument,
): Promise<Result<ImportedIntoLibrary, ImportProblem[]>> {
  try {
    return await importIntoLibrary(getDatabase(), doc);
  } catch (error) {
    const reason = `could not store the map (${describeError(error)}); nothing was changed`;
    return err([problem('', reason)]);
  }
}

function importedNotice(name: string, replacedId: string | null): string {
  const clash = replacedId
    ? ` A map with its id (${replacedId}) is already in your library, so the copy got a new id.`
    : '';
  return `Opened "${name}" as a new map.${clash}`;
}

/** Stores `doc` as a new map in the library and opens it; on failure nothing changes. */
async function openNewMap(fileName: string, doc: MapDocument): Promise<void> {
  setStep({ step: 'storing', fileName });
  const stored = await storeAsNewMap(doc);
  if (!stored.ok) {
    fail(fileName, stored.error);
    return;
  }
  closeImport();
  const { doc: storedDoc, replacedId } = stored.value;
  // The library reports its own failures (e.g. the open map could not be saved first).
  await libraryStore.getState().openMap(storedDoc.map.id);
  if (libraryStore.getState().openMapId === storedDoc.map.id) {
    notify(importedNotice(storedDoc.map.name, replacedId));
  }
}

/** The map file waiting in the 'choose' step, if that is the step. */
function chosenMap(): { fileName: string; file: MapFile } | null {
  const state = importStore.getState();
  return state.step === 'choose' ? state : null;
}

/** The JSON or PNG map becomes a new map in the library, opened at once. */
export async function openAsNewMap(): Promise<void> {
  const chosen = chosenMap();
  if (chosen) await openNewMap(chosen.fileName, chosen.file.doc);
}

/**
 * Puts the chosen map's content in place of the open map as one undoable edit (see
 * replaceOpenContent: the previous content is also kept in History). Returns both contents, so
 * the canvas can lay the new one out; null when nothing was replaced.
 */
export async function replaceCurrentMap(): Promise<ReplacedContent | null> {
  const chosen = chosenMap();
  if (!chosen) return null;
  const incoming = chosen.file.doc;
  let replaced: ReplacedContent | null;
  try {
    replaced = await replaceOpenContent(incoming, 'before-replace');
  } catch (error) {
    const reason = `could not keep a copy of the open map (${describeError(error)}), so nothing was replaced`;
    fail(chosen.fileName, [problem('', reason)]);
    return null;
  }
  closeImport();
  notify(
    replaced
      ? `Replaced the map with "${incoming.map.name}". Undo brings the previous content back; History keeps a copy too.`
      : `"${incoming.map.name}" holds the same content as the open map: nothing changed.`,
  );
  return replaced;
}

/**
 * The CSV file waiting in the 'csv' step, if that is the step and the file has no problem: a
 * half-imported tree (rows with problems left out) is harder to fix than the spreadsheet.
 */
function chosenCsv(): { fileName: string; csv: ParsedGoalCsv } | null {
  const state = importStore.getState();
  if (state.step !== 'csv') return null;
  if (state.csv.problems.length === 0) return state;
  fail(state.fileName, state.csv.problems);
  return null;
}

/** The CSV's goals become a new map named after the file, opened at once. */
export async function importCsvAsNewMap(now = new Date().toISOString()): Promise<void> {
  const chosen = chosenCsv();
  if (!chosen) return;
  const { fileName, csv } = chosen;
  const plan = planCsvImport(null, csv.rows, { name: csv.mapName, now });
  if (!plan.ok) fail(fileName, plan.error);
  else await openNewMap(fileName, plan.value.doc);
}

/**
 * Applies the CSV to the open map as one undoable edit: goals with a known id are updated, new
 * ids are added, so importing the same file again changes nothing and never duplicates a goal.
 */
export function updateCurrentMapFromCsv(): void {
  const chosen = chosenCsv();
  if (!chosen) return;
  const { fileName, csv } = chosen;
  let counts = { created: 0, updated: 0 };
  const refused = documentStore.getState().apply((current) => {
    const plan = planCsvImport(current, csv.rows);
    if (plan.ok) counts = plan.value;
    return plan.ok ? ok(plan.value.doc) : plan;
  });
  if (refused) {
    fail(fileName, refused);
    return;
  }
  closeImport();
  notify(
    `Updated the map from ${fileName}: ${counts.created} goals added, ${counts.updated} updated.`,
  );
}
