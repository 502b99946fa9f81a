import { importIntoLibrary, type ImportedIntoLibrary } from '../db/importMap';
import type { MapDocument } from '../domain/model';
import { describeError, err, ok, type Result } from '../domain/result';
import type { ParsedGoalCsv } from '../io/csv/parse';
import { planCsvImport } from '../io/csv/plan';
import { problem, type ImportProblem } from '../io/problems';
import type { App } from './app';
import type { MapFile } from '../io/importFile';
import { closeImport, fail, notify, setStep } from './importSteps';
import { replaceOpenContent, type ReplacedContent } from './replaceContent';

/**
 * The import flow once a file is read (importSteps.ts): store it as a new map or apply it to the
 * open one. Only the import dialogs use this, so it loads with them, not with the first screen.
 */

/** importIntoLibrary, with a failed write (a full disk) reported like any other problem. */
async function storeAsNewMap(
  app: App,
  doc: MapDocument,
): Promise<Result<ImportedIntoLibrary, ImportProblem[]>> {
  try {
    return await importIntoLibrary(await app.db, doc);
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
async function openNewMap(app: App, fileName: string, doc: MapDocument): Promise<void> {
  const { libraryStore } = app;
  setStep(app, { step: 'storing', fileName });
  const stored = await storeAsNewMap(app, doc);
  if (!stored.ok) {
    fail(app, fileName, stored.error);
    return;
  }
  closeImport(app);
  const { doc: storedDoc, replacedId } = stored.value;
  // The library reports its own failures (e.g. the open map could not be saved first).
  await libraryStore.getState().openMap(storedDoc.map.id);
  if (libraryStore.getState().openMapId === storedDoc.map.id) {
    notify(app, importedNotice(storedDoc.map.name, replacedId));
  }
}

/** The map file waiting in the 'choose' step, if that is the step. */
function chosenMap(app: App): { fileName: string; file: MapFile } | null {
  const state = app.importStore.getState();
  return state.step === 'choose' ? state : null;
}

/** The JSON or PNG map becomes a new map in the library, opened at once. */
export async function openAsNewMap(app: App): Promise<void> {
  const chosen = chosenMap(app);
  if (chosen) await openNewMap(app, chosen.fileName, chosen.file.doc);
}

/**
 * Puts the chosen map's content in place of the open map as one undoable edit (see
 * replaceOpenContent: the previous content is also kept in History). Returns both contents, so
 * the canvas can lay the new one out; null when nothing was replaced.
 */
export async function replaceCurrentMap(app: App): Promise<ReplacedContent | null> {
  const chosen = chosenMap(app);
  if (!chosen) return null;
  const incoming = chosen.file.doc;
  let replaced: ReplacedContent | null;
  try {
    replaced = await replaceOpenContent(app, incoming, 'before-replace');
  } catch (error) {
    const reason = `could not keep a copy of the open map (${describeError(error)}), so nothing was replaced`;
    fail(app, chosen.fileName, [problem('', reason)]);
    return null;
  }
  closeImport(app);
  notify(
    app,
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
function chosenCsv(app: App): { fileName: string; csv: ParsedGoalCsv } | null {
  const state = app.importStore.getState();
  if (state.step !== 'csv') return null;
  if (state.csv.problems.length === 0) return state;
  fail(app, state.fileName, state.csv.problems);
  return null;
}

/** The CSV's goals become a new map named after the file, opened at once. */
export async function importCsvAsNewMap(app: App, now = app.clock()): Promise<void> {
  const chosen = chosenCsv(app);
  if (!chosen) return;
  const { fileName, csv } = chosen;
  const plan = planCsvImport(null, csv.rows, { name: csv.mapName, now });
  if (!plan.ok) fail(app, fileName, plan.error);
  else await openNewMap(app, fileName, plan.value.doc);
}

/**
 * Applies the CSV to the open map as one undoable edit: goals with a known id are updated, new
 * ids are added, so importing the same file again changes nothing and never duplicates a goal.
 */
export function updateCurrentMapFromCsv(app: App): void {
  const chosen = chosenCsv(app);
  if (!chosen) return;
  const { fileName, csv } = chosen;
  let counts = { created: 0, updated: 0 };
  const refused = app.documentStore.getState().apply((current) => {
    const plan = planCsvImport(current, csv.rows);
    if (plan.ok) counts = plan.value;
    return plan.ok ? ok(plan.value.doc) : plan;
  });
  if (refused) {
    fail(app, fileName, refused);
    return;
  }
  closeImport(app);
  notify(
    app,
    `Updated the map from ${fileName}: ${counts.created} goals added, ${counts.updated} updated.`,
  );
}
