import type { HocuspocusProvider } from '@hocuspocus/provider';
import type { OpenRoom } from '../roomStore';

/**
 * The owner's commands to the relay (src/relay/roomCommand.ts): a new secret for the edit or the
 * view link, or deleting the room. Sent as stateless messages on the room's own connection, with
 * the owner secret when this device has one.
 */
export type OwnerCommand =
  | { readonly type: 'rotate-secret'; readonly role: 'edit' | 'view'; readonly secret: string }
  | { readonly type: 'delete-room' };

/** Long enough for a slow link; a relay that never answers is said so. */
const ANSWER_TIMEOUT_MS = 10_000;

type Answer = { readonly done: true } | { readonly done: false; readonly reason: string };

/** The relay's answer to `command`, or undefined for any other stateless message. */
export function readAnswer(payload: string, command: OwnerCommand['type']): Answer | undefined {
  let json: unknown;
  try {
    json = JSON.parse(payload);
  } catch {
    return undefined;
  }
  if (typeof json !== 'object' || json === null) return undefined;
  const type: unknown = Reflect.get(json, 'type');
  if (type === 'done' && Reflect.get(json, 'command') === command) return { done: true };
  const reason: unknown = Reflect.get(json, 'reason');
  if (type === 'refused' && typeof reason === 'string') return { done: false, reason };
  return undefined;
}

const REFUSED: Readonly<Record<string, string>> = {
  'view-only': 'The relay refused: this device joined with a view link.',
  'not-owner': 'The relay refused: only the device that shared the map can do this.',
};

/** Sends `command` and resolves once the relay says it is done; rejects with what to tell. */
export function sendOwnerCommand(
  provider: HocuspocusProvider,
  room: OpenRoom,
  command: OwnerCommand,
): Promise<void> {
  if (!provider.isSynced)
    return Promise.reject(
      new Error('The relay is not connected. Try again once the room says Connected.'),
    );
  return new Promise<void>((resolve, reject) => {
    const finish = () => {
      clearTimeout(timer);
      provider.off('stateless', onStateless);
    };
    const onStateless = ({ payload }: { payload: string }) => {
      const answer = readAnswer(payload, command.type);
      if (answer === undefined) return;
      finish();
      if (answer.done) resolve();
      else reject(new Error(REFUSED[answer.reason] ?? `The relay refused (${answer.reason}).`));
    };
    const timer = setTimeout(() => {
      finish();
      reject(new Error('The relay did not answer in time. Check the room’s status and try again.'));
    }, ANSWER_TIMEOUT_MS);
    provider.on('stateless', onStateless);
    provider.sendStateless(
      JSON.stringify({
        ...command,
        ...(room.ownerKey === undefined ? {} : { owner: room.ownerKey }),
      }),
    );
  });
}
