import { createStore, useStore } from 'zustand';
import type { ParsedGoalCsv } from '../io/csv/parse';
import type { MapFile } from '../io/importFile';
import type { ImportProblem } from '../io/problems';
import { useApp } from './appContext';

/**
 * Where the import flow is (importSteps.ts moves it along, loaded with the import controls): what
 * the import dialogs show. Made with the app, so it is here before the flow's code is.
 */
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

export const createImportStore = () => createStore<ImportStep>()(() => ({ step: 'idle' }));

export function useImportStep<T>(selector: (step: ImportStep) => T): T {
  return useStore(useApp().importStore, selector);
}
