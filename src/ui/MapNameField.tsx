import type { MapInfo } from '../domain/model';
import { useApp } from '../store/appContext';
import { CommitField } from './fields';

/**
 * The open map's name in the header, edited in place as every field is: Enter or leaving the
 * field renames (one undo step, as a rename from the library), Escape keeps what was typed and
 * leaves. Its label is "Map", not "Map name": the inspector's "Name" must stay the only field so
 * named.
 */
export function MapNameField({ map }: { map: MapInfo }) {
  const app = useApp();
  return (
    <CommitField
      key={map.id}
      label="Map"
      hideLabel
      className="cg-toolbar__map"
      value={map.name}
      onCommit={(name) => void app.libraryStore.getState().renameMap(map.id, name)}
    />
  );
}
