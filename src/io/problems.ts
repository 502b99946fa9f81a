/**
 * One thing wrong with a file the user tried to import, and where. Every importer (JSON, CSV)
 * reports with this shape so the UI can list problems the same way whatever the format.
 */
export interface ImportProblem {
  /** Where in the file, like `goals[3].metric.target`; '' when it concerns the whole file. */
  readonly path: string;
  readonly message: string;
}

export const problem = (path: string, message: string): ImportProblem => ({ path, message });

export function formatProblem(p: ImportProblem): string {
  return p.path === '' ? p.message : `${p.path}: ${p.message}`;
}
