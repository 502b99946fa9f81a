import { useShallow } from 'zustand/react/shallow';
import { useRoomStore, type RoomState } from '../../store/roomStore';
import { describeRoomStatus } from './roomText';

const selectStatus = (s: RoomState) => ({
  shared: s.room !== null,
  viewOnly: s.room?.role === 'view',
  text: describeRoomStatus(s),
  trouble: s.ended !== null || s.connection === 'offline',
});

/**
 * The open map's room in the toolbar: whether edits reach the others now, how many wait, and a
 * room that ended said plainly. Nothing at all for a map that is not shared.
 */
export function RoomStatus() {
  const { shared, viewOnly, text, trouble } = useRoomStore(useShallow(selectStatus));
  if (!shared) return null;
  return (
    <>
      {viewOnly && (
        <span
          className="cg-room-tag"
          title="Opened with a view link: this map cannot be changed here"
        >
          View only
        </span>
      )}
      <span
        className={`cg-room-status${trouble ? ' cg-room-status--trouble' : ''}`}
        role="status"
        aria-label="Room status"
      >
        {text}
      </span>
    </>
  );
}
