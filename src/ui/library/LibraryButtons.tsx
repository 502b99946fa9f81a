import { useApp } from '../../store/appContext';

/** Creates an empty map and opens it: the quickest way to start sketching. */
export function NewMapButton() {
  const app = useApp();
  return (
    <button
      type="button"
      className="cg-button cg-button--primary"
      onClick={() => void app.libraryStore.getState().createMap('empty')}
    >
      New map
    </button>
  );
}
