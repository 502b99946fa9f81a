import { createStore, type StoreApi } from 'zustand';
import { readPrivateDrafts, writePrivateDrafts, type PrivateDraft } from '../db/privateDrafts';
import type { App } from './app';

/**
 * Private perspectives in the open map's room, as the conflict panel shows them: what this device
 * has written privately (its drafts, kept on the device until revealed), who has written (the
 * relay says so, never what), and the conflicts shown in private mode. Free of Yjs; the room's
 * session (rooms/privateSession.ts) sends the drafts to the relay and reads its news.
 */

/** What the room's session lets the panel ask of the relay. */
export interface PerspectiveChannel {
  /** The facilitator's reveal: every private text of the conflict into its perspectives at once. */
  reveal(conflict: string): void;
}

export interface PrivatePerspectiveData {
  /** The room whose drafts these are; null while the open map is not shared. */
  readonly roomId: string | null;
  readonly drafts: readonly PrivateDraft[];
  /** Per conflict, the parties whose private perspective waits on the relay. */
  readonly written: ReadonlyMap<string, readonly string[]>;
  /** Conflicts whose perspectives this device writes privately. */
  readonly privateMode: ReadonlySet<string>;
  /** The latest news for the live region: who has written, the reveal, a refusal. */
  readonly announcement: string;
  readonly channel: PerspectiveChannel | null;
}

export interface PrivatePerspectiveState extends PrivatePerspectiveData {
  /** The room's session started: its kept drafts come back, their conflicts in private mode. */
  open(roomId: string, channel: PerspectiveChannel): void;
  close(): void;
  /** Keeps a draft at once (an empty text withdraws it). */
  setDraft(conflict: string, party: string, text: string): void;
  /** Drops the conflict's drafts that `revealed` says are in the document now. */
  dropRevealed(conflict: string, revealed: (party: string, text: string) => boolean): void;
  setWritten(written: ReadonlyMap<string, readonly string[]>): void;
  setPrivateMode(conflict: string, on: boolean): void;
  announce(text: string): void;
}

const CLOSED: PrivatePerspectiveData = {
  roomId: null,
  drafts: [],
  written: new Map(),
  privateMode: new Set(),
  announcement: '',
  channel: null,
};

export function createPrivatePerspectiveStore(): StoreApi<PrivatePerspectiveState> {
  return createStore<PrivatePerspectiveState>()((set, get) => {
    const keep = (drafts: readonly PrivateDraft[]) => {
      const { roomId } = get();
      if (roomId !== null) writePrivateDrafts(roomId, drafts);
      set({ drafts });
    };
    return {
      ...CLOSED,
      open: (roomId, channel) => {
        const drafts = readPrivateDrafts(roomId);
        set({ ...CLOSED, roomId, channel, drafts, privateMode: new Set(drafts.map(([c]) => c)) });
      },
      close: () => set(CLOSED),
      setDraft: (conflict, party, text) => {
        const others = get().drafts.filter(([c, p]) => c !== conflict || p !== party);
        keep(text === '' ? others : [...others, [conflict, party, text]]);
      },
      dropRevealed: (conflict, revealed) => {
        keep(get().drafts.filter(([c, p, text]) => c !== conflict || !revealed(p, text)));
      },
      setWritten: (written) => set({ written }),
      setPrivateMode: (conflict, on) => {
        const privateMode = new Set(get().privateMode);
        if (on) privateMode.add(conflict);
        else privateMode.delete(conflict);
        set({ privateMode });
      },
      announce: (announcement) => set({ announcement }),
    };
  });
}

/**
 * One store per app, made on first use: kept out of `App` itself so the first screen loads none
 * of it (only the conflict panel and a room's session do).
 */
const stores = new WeakMap<App, StoreApi<PrivatePerspectiveState>>();

export function privatePerspectivesOf(app: App): StoreApi<PrivatePerspectiveState> {
  let store = stores.get(app);
  if (store === undefined) {
    store = createPrivatePerspectiveStore();
    stores.set(app, store);
  }
  return store;
}

export const draftOf = (drafts: readonly PrivateDraft[], conflict: string, party: string): string =>
  drafts.find(([c, p]) => c === conflict && p === party)?.[2] ?? '';
