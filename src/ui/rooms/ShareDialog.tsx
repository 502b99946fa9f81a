import { useEffect, useId, useState } from 'react';
import { formatRoomLink, checkRelayAddress, type RoomLink } from '../../io/roomLink';
import { leaveRoom, relayAddressToOffer, shareOpenMap } from '../../store/rooms/links';
import { useApp } from '../../store/appContext';
import { participantRoleOf, useRoomStore, type OpenRoom } from '../../store/roomStore';
import { Dialog } from '../Dialog';
import { reportFailure } from '../reportFailure';
import { OwnerActions } from './OwnerActions';
import { describeRoomStatus } from './roomText';
import './rooms.css';

/** The app's own address: a link opens the app wherever it is served from. */
const appAddress = () => `${window.location.origin}${window.location.pathname}`;

function LinkField({ label, link }: { label: string; link: string }) {
  const id = useId();
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const copy = () => {
    navigator.clipboard.writeText(link).then(
      () => setCopied('yes'),
      () => setCopied('no'),
    );
  };
  return (
    <div className="cg-share__link">
      <label htmlFor={id}>{label}</label>
      <input id={id} readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
      <button
        type="button"
        className="cg-button"
        aria-label={`Copy ${label.toLowerCase()}`}
        onClick={copy}
      >
        {copied === 'yes' ? 'Copied' : 'Copy'}
      </button>
      {copied === 'no' && (
        <p className="cg-modal__hint" role="alert">
          This browser did not let the page copy: select the link and copy it yourself.
        </p>
      )}
    </div>
  );
}

function roomLinks(room: OpenRoom): { edit: string | null; view: string | null } {
  const base = appAddress();
  const at = (role: RoomLink['role'], key: string) =>
    formatRoomLink(base, { roomId: room.roomId, relay: room.relay, role, key });
  return {
    edit: room.role === 'edit' ? at('edit', room.key) : null,
    view:
      room.role === 'view' ? at('view', room.key) : room.viewKey ? at('view', room.viewKey) : null,
  };
}

function SharedRoom({ room, onClose }: { room: OpenRoom; onClose: () => void }) {
  const app = useApp();
  const status = useRoomStore(describeRoomStatus);
  const { edit, view } = roomLinks(room);
  return (
    <>
      <p>
        This map is a room on <strong>{room.relay}</strong>: {status}. Whoever opens a link gets the
        map on their device and sees every edit live.
      </p>
      {edit && <LinkField label="Edit link" link={edit} />}
      {view && <LinkField label="View only link" link={view} />}
      {room.role === 'view' && (
        <p>You joined with a view link: the map is view only on this device.</p>
      )}
      {room.role === 'edit' && !view && (
        <p className="cg-modal__hint">The view only link is with whoever shared this map.</p>
      )}
      <p className="cg-modal__hint">
        Anyone with a link can open the room, so send it only to the people in it. The relay passes
        edits on and keeps the room: it can read the map.
      </p>
      {participantRoleOf(room) === 'facilitator' && <OwnerActions onDeleted={onClose} />}
      <div className="cg-modal__actions">
        <button
          type="button"
          className="cg-button"
          onClick={() => {
            leaveRoom(app).then(onClose, (error: unknown) =>
              reportFailure(app, 'Could not leave the room', error),
            );
          }}
        >
          Leave room
        </button>
        <button type="button" className="cg-button cg-button--primary" onClick={onClose}>
          Done
        </button>
      </div>
    </>
  );
}

/** The relay address as typed, kept in the session's drafts through Esc and closing the dialog. */
const RELAY_DRAFT = 'share/relay-address';

function ShareForm({ onClose }: { onClose: () => void }) {
  const app = useApp();
  const fieldId = useId();
  const [address, setAddress] = useState<string | null>(
    () => app.sessionStore.getState().drafts.get(RELAY_DRAFT) ?? null,
  );
  const [problem, setProblem] = useState<string | null>(null);
  const [sharing, setSharing] = useState(false);
  useEffect(() => {
    relayAddressToOffer(app).then(
      (offered) => setAddress((typed) => typed ?? offered),
      () => setAddress((typed) => typed ?? ''),
    );
  }, [app]);
  const share = () => {
    const checked = checkRelayAddress(address ?? '');
    if (!checked.ok) {
      setProblem(checked.error);
      return;
    }
    setProblem(null);
    setSharing(true);
    shareOpenMap(app, checked.value).then(
      () => setSharing(false),
      (error: unknown) => {
        setSharing(false);
        reportFailure(app, 'Could not share the map', error);
      },
    );
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        share();
      }}
    >
      <p>
        Share turns this map into a room: everyone who opens its link gets the map on their device
        and sees every edit live. It stays on this device too, works offline and catches up when the
        relay is back.
      </p>
      <div className="cg-share__link">
        <label htmlFor={fieldId}>Relay address</label>
        <input
          id={fieldId}
          value={address ?? ''}
          disabled={address === null}
          aria-invalid={problem !== null}
          onChange={(e) => {
            const typed = e.currentTarget.value;
            setAddress(typed);
            app.sessionStore.getState().setDraft(RELAY_DRAFT, typed);
          }}
        />
      </div>
      {problem && (
        <p className="cg-share__problem" role="alert">
          {problem}
        </p>
      )}
      <p className="cg-modal__hint">
        The relay passes edits between devices and keeps the room: it can read the map. Start one
        with <code>npm run relay</code>; this device remembers the address.
      </p>
      <div className="cg-modal__actions">
        <button type="submit" className="cg-button cg-button--primary" disabled={sharing}>
          {sharing ? 'Sharing…' : 'Share as a room'}
        </button>
        <button type="button" className="cg-button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** Share: turns the open map into a room and gives its edit and view only links. */
export function ShareDialog({ onClose }: { onClose: () => void }) {
  const room = useRoomStore((s) => s.room);
  return (
    <Dialog title={room ? 'Shared as a room' : 'Share this map'} onClose={onClose}>
      {room ? <SharedRoom room={room} onClose={onClose} /> : <ShareForm onClose={onClose} />}
    </Dialog>
  );
}
