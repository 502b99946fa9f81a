/**
 * What one client may send the relay, and the checks that enforce it. Each refusal closes the
 * offending connection only, with a close reason that says which limit it hit.
 */
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';

export interface RelayLimits {
  /** Largest WebSocket frame; a larger one closes the socket (1009, "Max payload size exceeded"). */
  readonly maxMessageBytes: number;
  /** Messages a socket may send per second, sustained… */
  readonly messagesPerSecond: number;
  /** …and in a burst (a reconnect sends a few at once, a drag sends one per frame). */
  readonly messageBurst: number;
  /** Encoded size a room's document may reach; an update that would pass it is refused. */
  readonly maxDocumentBytes: number;
  /** Frames a socket may send for rooms it has not yet joined (they wait in memory until it has). */
  readonly maxPendingFrames: number;
  /** Characters in one private perspective (a page or two of text). */
  readonly maxPerspectiveChars: number;
  /** Private perspectives a room may hold at once, waiting for their reveal. */
  readonly maxPrivatePerspectives: number;
}

const MB = 1024 * 1024;

export const DEFAULT_LIMITS: RelayLimits = {
  maxMessageBytes: 4 * MB,
  messagesPerSecond: 200,
  messageBurst: 400,
  maxDocumentBytes: 32 * MB,
  maxPendingFrames: 64,
  maxPerspectiveChars: 20_000,
  maxPrivatePerspectives: 200,
};

/** How the relay closes a connection, and why: codes in the 4000s are ours to define. */
export class Refusal extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
  ) {
    // No message: Hocuspocus logs a hook error's message, and our own log line already says it.
    super('');
  }
}

export const refusals = {
  badToken: () => new Refusal(4401, 'bad-token'),
  badRoomName: () => new Refusal(4400, 'bad-room-name'),
  roomNotFound: () => new Refusal(4404, 'room-not-found'),
  wrongSecret: () => new Refusal(4403, 'wrong-secret'),
  malformed: () => new Refusal(4400, 'malformed-message'),
  rateLimited: (limits: RelayLimits) =>
    new Refusal(4429, `rate-limited: over ${limits.messagesPerSecond} messages a second`),
  tooManyPending: () => new Refusal(4429, 'too-many-messages-before-joining'),
  documentTooLarge: (limits: RelayLimits) =>
    new Refusal(4413, `document-too-large: a room holds at most ${limits.maxDocumentBytes} bytes`),
  secretRotated: () => new Refusal(4403, 'secret-rotated'),
  roomDeleted: () => new Refusal(4404, 'room-deleted'),
} as const;

/** A token bucket: `take` is false once the socket has sent more than its budget. */
export class MessageBudget {
  private tokens: number;
  private last: number;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    now: number,
  ) {
    this.tokens = burst;
    this.last = now;
  }

  take(now: number): boolean {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/** Hocuspocus message types (its `MessageType`), as they arrive from a client. */
const MESSAGE = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
  syncReply: 4,
  stateless: 5,
  broadcastStateless: 6,
  close: 7,
} as const;

/** y-protocols sync sub-types. */
const SYNC = { step1: 0, step2: 1, update: 2 } as const;

export type InspectedMessage =
  | { readonly kind: 'malformed' }
  | { readonly kind: 'update'; readonly step: 'step2' | 'update'; readonly bytes: number }
  | { readonly kind: 'other' };

/**
 * Reads a client's message far enough to refuse a malformed one before Hocuspocus applies it:
 * an update must decode as a Yjs update, a state vector as a state vector.
 */
export function inspectMessage(data: Uint8Array): InspectedMessage {
  try {
    const decoder = decoding.createDecoder(data);
    decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MESSAGE.sync:
      case MESSAGE.syncReply: {
        const step = decoding.readVarUint(decoder);
        const payload = decoding.readVarUint8Array(decoder);
        if (step === SYNC.step1) {
          Y.decodeStateVector(payload);
          return { kind: 'other' };
        }
        if (step === SYNC.step2 || step === SYNC.update) {
          Y.decodeUpdate(payload);
          return {
            kind: 'update',
            step: step === SYNC.step2 ? 'step2' : 'update',
            bytes: payload.length,
          };
        }
        return { kind: 'malformed' };
      }
      case MESSAGE.awareness:
        decoding.readVarUint8Array(decoder);
        return { kind: 'other' };
      case MESSAGE.stateless:
      case MESSAGE.broadcastStateless:
        decoding.readVarString(decoder);
        return { kind: 'other' };
      case MESSAGE.auth:
      case MESSAGE.queryAwareness:
      case MESSAGE.close:
        return { kind: 'other' };
      default:
        return { kind: 'malformed' };
    }
  } catch {
    return { kind: 'malformed' };
  }
}

/** The room a frame is addressed to, or undefined when the frame does not even start with one. */
export function frameRoom(data: Uint8Array): string | undefined {
  try {
    return decoding.readVarString(decoding.createDecoder(data));
  } catch {
    return undefined;
  }
}
