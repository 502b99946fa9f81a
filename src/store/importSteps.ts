import { createStore, useStore } from 'zustand';
import { describeError, err, type Result } from '../domain/result';
import type { ParsedGoalCsv } from '../io/csv/parse';
import { problem, type ImportProblem } from '../io/problems';
import type { MapFile, ReadFile } from '../io/importFile';
import { sessionStore } from './sessionStore';

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

export type ImportStep =
  | { readonly step: 'idle' }
  | { readonly step: 'reading'; readonly fileName: string }
  | { readonly step: 'choose'; readonly fileName: string; readonly file: MapFile }
  | { readonly step: 'csv'; readonly fileName: string; readonly csv: ParsedGoalCsv }
  | { readonly step: 'storing'; readonly fileName: string }
  | {
      readonly step: 'failed';
      readonly fileName: string;
      readonly problems: readonly ImportProblem[];
    };

export const importStore = createStore<ImportStep>()(() => ({ step: 'idle' }));

export function useImportStep<T>(selector: (step: ImportStep) => T): T {
  return useStore(importStore, selector);
}

/** Counts started imports, so a file read slowly cannot overwrite the step of a later one. */
let latestImport = 0;

export const setStep = (step: ImportStep): void => {
  importStore.setState(step, true);
};
export const fail = (fileName: string, problems: readonly ImportProblem[]): void => {
  setStep({ step: 'failed', fileName, problems });
};
export const notify = (text: string): void => {
  sessionStore.getState().showNotice({ kind: 'info', text });
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
export async function startImport(source: ImportSource): Promise<void> {
  const run = ++latestImport;
  const fileName = source.name;
  setStep({ step: 'reading', fileName });
  const read = await readSource(source);
  if (run !== latestImport) return;
  if (!read.ok) fail(fileName, read.error);
  else if (read.value.kind === 'csv') setStep({ step: 'csv', fileName, csv: read.value.csv });
  else setStep({ step: 'choose', fileName, file: read.value });
}

export function closeImport(): void {
  latestImport++;
  setStep({ step: 'idle' });
}
