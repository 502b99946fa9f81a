import { libraryStore } from '../../store/libraryStore';

/** Opens the library of all maps. */
export function MapsButton() {
  return (
    <button
      type="button"
      className="cg-button"
      onClick={() => void libraryStore.getState().showLibrary()}
    >
      Maps
    </button>
  );
}

/** Creates an empty map and opens it: the quickest way to start sketching. */
export function NewMapButton({ primary = false }: { primary?: boolean }) {
  return (
    <button
      type="button"
      className={primary ? 'cg-button cg-button--primary' : 'cg-button'}
      onClick={() => void libraryStore.getState().createMap('empty')}
    >
      New map
    </button>
  );
}
