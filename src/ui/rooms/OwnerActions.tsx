import { useEffect, useId, useRef, useState } from 'react';
import { useApp } from '../../store/appContext';
import { deleteOwnRoom, rotateRoomSecrets } from '../../store/rooms/owner';
import { useRoomStore } from '../../store/roomStore';
import { reportFailure } from '../reportFailure';

type Step = 'idle' | 'rotating' | 'confirm-delete' | 'deleting';

/** Asks in words before the room is deleted for everyone; focus starts on keeping it. */
function ConfirmDelete({ onDelete, onKeep }: { onDelete: () => void; onKeep: () => void }) {
  const questionId = useId();
  const keepRef = useRef<HTMLButtonElement>(null);
  useEffect(() => keepRef.current?.focus(), []);
  return (
    <div role="group" aria-labelledby={questionId}>
      <p id={questionId}>
        Delete this room for everyone? Every device in it is disconnected and told the room was
        deleted, and the relay removes its copy; the links stop working for good. This map stays on
        this device as an ordinary map.
      </p>
      <div className="cg-modal__actions">
        <button type="button" className="cg-button cg-button--danger" onClick={onDelete}>
          Delete the room for everyone
        </button>
        <button type="button" className="cg-button" ref={keepRef} onClick={onKeep}>
          Keep the room
        </button>
      </div>
    </div>
  );
}

/**
 * The Share dialog's part for the device that shared the map (the facilitator): new secrets for
 * the room, or deleting it on the relay. Both need the relay connected.
 */
export function OwnerActions({ onDeleted }: { onDeleted: () => void }) {
  const app = useApp();
  const headingId = useId();
  const connected = useRoomStore((s) => s.connection === 'connected' && s.ended === null);
  const [step, setStep] = useState<Step>('idle');
  const [said, setSaid] = useState('');
  const rotate = () => {
    setStep('rotating');
    setSaid('');
    rotateRoomSecrets(app).then(
      () => {
        setStep('idle');
        setSaid(
          'The room has new secrets and the links above are new. Devices that opened the old links were disconnected: send the new links to whoever should stay.',
        );
      },
      (error: unknown) => {
        setStep('idle');
        reportFailure(app, 'Could not change the room’s secret', error);
      },
    );
  };
  const remove = () => {
    setStep('deleting');
    deleteOwnRoom(app).then(onDeleted, (error: unknown) => {
      setStep('idle');
      reportFailure(app, 'Could not delete the room', error);
    });
  };
  const busy = step === 'rotating' || step === 'deleting';
  return (
    <section aria-labelledby={headingId} className="cg-share__owner">
      <h3 id={headingId}>Owner</h3>
      <p className="cg-modal__hint">
        This device shared the map, so only it can give the room new secrets (every link sent so far
        stops working) or delete the room.
      </p>
      {step === 'confirm-delete' ? (
        <ConfirmDelete onDelete={remove} onKeep={() => setStep('idle')} />
      ) : (
        <div className="cg-modal__actions">
          <button
            type="button"
            className="cg-button"
            disabled={!connected || busy}
            onClick={rotate}
          >
            {step === 'rotating' ? 'Changing the secret…' : 'Change the room’s secret'}
          </button>
          <button
            type="button"
            className="cg-button cg-button--danger"
            disabled={!connected || busy}
            onClick={() => setStep('confirm-delete')}
          >
            {step === 'deleting' ? 'Deleting…' : 'Delete the room'}
          </button>
        </div>
      )}
      {!connected && (
        <p className="cg-modal__hint">The room can be changed once it says Connected.</p>
      )}
      <p role="status">{said}</p>
    </section>
  );
}
