import { libraryStore } from '../../store/libraryStore';

/** Creates an empty map and opens it: the quickest way to start sketching. */
export function NewMapButton() {
  return (
    <button
      type="button"
      className="cg-button cg-button--primary"
      onClick={() => void libraryStore.getState().createMap('empty')}
    >
      New map
    </button>
  );
}
