import { describeError, err, type Result } from '../domain/result';
import { problem, type ImportProblem } from '../io/problems';
import type { ReadFile } from '../io/importFile';
import type { App } from './app';
import type { ImportStep } from './importStepStore';

/**
 * The import flow: read a file, show what it holds, then store it as a new map or apply it to the
 * open one (importExport.ts, loaded with the import dialogs). The UI drives it and renders its
 * steps; it never touches the database itself. On any failure nothing stored changes and the step
 * says why.
 */

/** A picked or dropped file; a DOM File is one. */
export interface ImportSource {
  readonly name: string;
  readonly size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** Counts each app's started imports, so a file read slowly cannot overwrite a later one's step. */
const latestImports = new WeakMap<App, number>();
const nextImport = (app: App): number => {
  const run = (latestImports.get(app) ?? 0) + 1;
  latestImports.set(app, run);
  return run;
};

export const setStep = (app: App, step: ImportStep): void => {
  app.importStore.setState(step, true);
};
export const fail = (app: App, fileName: string, problems: readonly ImportProblem[]): void => {
  setStep(app, { step: 'failed', fileName, problems });
};
export const notify = (app: App, text: string): void => {
  app.sessionStore.getState().showNotice({ kind: 'info', text });
};

async function readSource(source: ImportSource): Promise<Result<ReadFile, ImportProblem[]>> {
  // Loaded on first import: the PNG and CSV readers are not needed to show the first screen.
  const { checkFileSize, readImportFile } = await import('../io/importFile');
  const tooBig = checkFileSize(source.size);
  if (tooBig) return err([tooBig]);
  try {
    return readImportFile(source.name, new Uint8Array(await source.arrayBuffer()));
  } catch (error) {
    return err([problem('', `could not read the file (${describeError(error)})`)]);
  }
}

/** Reads and validates a file, then waits on the user's choice; nothing is stored here. */
export async function startImport(app: App, source: ImportSource): Promise<void> {
  const run = nextImport(app);
  const fileName = source.name;
  setStep(app, { step: 'reading', fileName });
  const read = await readSource(source);
  if (run !== latestImports.get(app)) return;
  if (!read.ok) fail(app, fileName, read.error);
  else if (read.value.kind === 'csv') setStep(app, { step: 'csv', fileName, csv: read.value.csv });
  else setStep(app, { step: 'choose', fileName, file: read.value });
}

export function closeImport(app: App): void {
  nextImport(app);
  setStep(app, { step: 'idle' });
}
