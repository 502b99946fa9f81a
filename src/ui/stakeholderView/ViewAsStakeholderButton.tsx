import type { MapDocument } from '../../domain/model';
import {
  selectSelectedStakeholderIds,
  sessionStore,
  useSessionStore,
} from '../../store/sessionStore';

const session = () => sessionStore.getState();

/** Shown under the inspector when one stakeholder is selected: the way into their view. */
export function ViewAsStakeholderButton({ doc }: { doc: MapDocument }) {
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
        session().clearSelection();
        session().viewAsStakeholder(person.id);
      }}
    >
      View as {person.name}
    </button>
  );
}
