import { useId, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { Conflict } from '../../domain/model';
import { useApp } from '../../store/appContext';
import { draftOf, privatePerspectivesOf } from '../../store/privatePerspectives';
import { participantRoleOf, type OpenRoom } from '../../store/roomStore';
import type { Names } from '../explain';

/**
 * A conflict's perspectives in a room. Written privately, each party's text goes from this device
 * to the relay only, outside the room's document: the others see that it has been written, never
 * what, until the facilitator reveals them all at once. `shared` is the ordinary fields, shown
 * when this device writes in the open.
 */
export function RoomPerspectives({
  conflict,
  names,
  room,
  shared,
}: {
  conflict: Conflict;
  names: Names;
  room: OpenRoom;
  shared: ReactNode;
}) {
  const app = useApp();
  const store = privatePerspectivesOf(app);
  const { drafts, written, privateMode, announcement, channel } = useStore(store);
  const role = participantRoleOf(room);
  const writtenBy = written.get(conflict.id) ?? [];
  const inPrivate = role !== 'viewer' && privateMode.has(conflict.id);
  const waiting = drafts.some(([c]) => c === conflict.id);
  return (
    <>
      {role !== 'viewer' && (
        <label className="cg-private-toggle">
          <input
            type="checkbox"
            checked={inPrivate}
            onChange={(e) => store.getState().setPrivateMode(conflict.id, e.target.checked)}
          />
          <span>Write privately until revealed</span>
        </label>
      )}
      {inPrivate ? (
        <>
          <p className="cg-hint">
            Each party writes before hearing the other side. What you write here stays on this
            device and the relay; the others see only that it has been written, until the
            facilitator reveals all perspectives at once.
          </p>
          {conflict.parties.map((p) => (
            <PrivateField
              key={`${conflict.id}-private-${p}`}
              label={`Private perspective of ${names.party(p)}`}
              value={draftOf(drafts, conflict.id, p)}
              onChange={(text) => store.getState().setDraft(conflict.id, p, text)}
            />
          ))}
        </>
      ) : (
        <>
          {waiting && (
            <p className="cg-hint">
              Your private text on this conflict waits for the reveal; tick “Write privately” to see
              it.
            </p>
          )}
          {shared}
        </>
      )}
      <ul className="cg-private-status" aria-label="Written privately">
        {conflict.parties.map((p) => (
          <li key={p}>
            {writtenBy.includes(p)
              ? `${names.party(p)} has written theirs`
              : `${names.party(p)}: nothing written privately`}
          </li>
        ))}
      </ul>
      {role === 'facilitator' && (
        <button
          type="button"
          className="cg-button"
          disabled={writtenBy.length === 0 || channel === null}
          onClick={() => channel?.reveal(conflict.id)}
        >
          Reveal perspectives
        </button>
      )}
      <p className="cg-hint" role="status" aria-live="polite" aria-atomic="true">
        {announcement}
      </p>
    </>
  );
}

/**
 * A private text, kept on the device at every keystroke: Esc, leaving the field or a reload
 * never drops it (unlike a shared field, nothing here is a pending edit to take back).
 */
function PrivateField({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange: (text: string) => void;
}) {
  const id = useId();
  return (
    <div className="cg-field">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} rows={3} value={value} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}
