import { useId, type ReactNode } from 'react';
import { selectReadOnly, useDocumentStore } from '../store/documentStore';
import { ViewOnlyNote } from './viewOnly';

/**
 * Fields inside are read-only in a map opened with a view link (see viewOnly.ts), described by
 * the one sentence this shows above them (when `explain`: e.g. only once something is selected).
 */
export function ViewOnlyArea({
  explain = true,
  children,
}: {
  explain?: boolean;
  children: ReactNode;
}) {
  const viewOnly = useDocumentStore(selectReadOnly);
  const noteId = useId();
  return (
    <ViewOnlyNote.Provider value={viewOnly ? noteId : null}>
      {viewOnly && explain && (
        <p id={noteId} className="cg-hint cg-view-only-note">
          View only: this map was opened with a view link, so its details can be read here but not
          changed.
        </p>
      )}
      {children}
    </ViewOnlyNote.Provider>
  );
}
