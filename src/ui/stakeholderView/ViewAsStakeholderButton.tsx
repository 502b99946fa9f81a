import { useApp } from '../../store/appContext';
import type { App } from '../../store/app';
import type { MapDocument } from '../../domain/model';
import { selectedIdsOf } from '../../store/selection';
import { useSessionStore, type SessionState } from '../../store/sessionStore';

const session = (app: App) => app.sessionStore.getState();

/** The one person selected, if exactly one is (with or without other records). */
function selectOnePerson(s: SessionState) {
  const people = selectedIdsOf(s.selection, 'stakeholder');
  return people.length === 1 ? people[0] : undefined;
}

/** Shown under the inspector when one stakeholder is selected: the way into their view. */
export function ViewAsStakeholderButton({ doc }: { doc: MapDocument }) {
  const app = useApp();
  const selected = useSessionStore(selectOnePerson);
  const person = doc.stakeholders.find((s) => s.id === selected);
  if (!person) return null;
  return (
    <button
      type="button"
      className="cg-button"
      onClick={() => {
        // The person's view takes the side panel; their details step aside until picked again.
        session(app).clearSelection();
        session(app).viewAsStakeholder(person.id);
      }}
    >
      View as {person.name}
    </button>
  );
}
