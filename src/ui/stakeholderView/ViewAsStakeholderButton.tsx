import { useApp } from '../../store/appContext';
import type { App } from '../../store/app';
import type { MapDocument } from '../../domain/model';
import { selectSelectedStakeholderIds, useSessionStore } from '../../store/sessionStore';

const session = (app: App) => app.sessionStore.getState();

/** Shown under the inspector when one stakeholder is selected: the way into their view. */
export function ViewAsStakeholderButton({ doc }: { doc: MapDocument }) {
  const app = useApp();
  const selected = useSessionStore(selectSelectedStakeholderIds);
  const person =
    selected.length === 1 ? doc.stakeholders.find((s) => s.id === selected[0]) : undefined;
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
