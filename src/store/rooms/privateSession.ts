import type { HocuspocusProvider } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { perspectiveOf } from '../../rooms/roomShape';
import type { PrivateDraft } from '../../db/privateDrafts';
import type { App } from '../app';
import { privatePerspectivesOf } from '../privatePerspectives';
import type { OpenRoom } from '../roomStore';

/**
 * A room's private perspectives on the wire (the protocol: src/relay/privatePerspectives.ts). This
 * device's drafts go to the relay as stateless messages, outside the room's document, a moment
 * after typing stops and again whenever the connection is back; the relay's news (who has written,
 * the reveal, a refusal) reaches the panel and its live region.
 */

/** Typing pauses this long before a draft is sent (each keystroke is kept on the device at once). */
const SEND_AFTER_MS = 400;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isStrings = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((v) => typeof v === 'string');

/** The relay's news, read defensively: anything else is another message's business. */
type News =
  | { readonly type: 'written'; readonly written: Map<string, readonly string[]> }
  | { readonly type: 'revealed'; readonly conflict: string; readonly parties: readonly string[] }
  | { readonly type: 'refused'; readonly command: string; readonly reason: string };

function readNews(payload: string): News | undefined {
  let json: unknown;
  try {
    json = JSON.parse(payload);
  } catch {
    return undefined;
  }
  if (!isObject(json)) return undefined;
  if (json.type === 'perspectives-written' && isObject(json.written)) {
    const written = new Map<string, readonly string[]>();
    for (const [conflict, parties] of Object.entries(json.written))
      if (isStrings(parties)) written.set(conflict, parties);
    return { type: 'written', written };
  }
  if (
    json.type === 'perspectives-revealed' &&
    typeof json.conflict === 'string' &&
    isStrings(json.parties)
  )
    return { type: 'revealed', conflict: json.conflict, parties: json.parties };
  if (
    json.type === 'refused' &&
    (json.command === 'write-perspective' || json.command === 'reveal-perspectives') &&
    typeof json.reason === 'string'
  )
    return { type: 'refused', command: json.command, reason: json.reason };
  return undefined;
}

const draftKey = (conflict: string, party: string) => JSON.stringify([conflict, party]);

/** Ties the room's private perspectives to the relay; returns what stops it. */
export function bindPrivatePerspectives(
  app: App,
  room: OpenRoom,
  provider: HocuspocusProvider,
  ydoc: Y.Doc,
): () => void {
  const store = privatePerspectivesOf(app);
  const send = (message: object) => provider.sendStateless(JSON.stringify(message));
  store.getState().open(room.roomId, {
    reveal: (conflict) => send({ type: 'reveal-perspectives', conflict }),
  });
  const nameOf = (party: string) =>
    app.documentStore.getState().doc?.stakeholders.find((s) => s.id === party)?.name ?? party;
  const titleOf = (conflict: string) =>
    app.documentStore.getState().doc?.conflicts.find((c) => c.id === conflict)?.title ?? conflict;

  /** What the relay was last sent for each draft, since the connection was last made. */
  const sent = new Map<string, PrivateDraft>();
  /**
   * What the relay was last sent for each draft over any connection of this session: what a
   * reveal takes from the relay, even when the revealed document has not arrived yet.
   */
  const held = new Map<string, string>();
  const flush = () => {
    if (!provider.isSynced) return;
    const drafts = store.getState().drafts;
    const current = new Set<string>();
    for (const [conflict, party, text] of drafts) {
      const key = draftKey(conflict, party);
      current.add(key);
      if (sent.get(key)?.[2] === text) continue;
      send({ type: 'write-perspective', conflict, party, text });
      sent.set(key, [conflict, party, text]);
      held.set(key, text);
    }
    for (const [key, [conflict, party]] of [...sent].filter(([k]) => !current.has(k))) {
      send({ type: 'write-perspective', conflict, party, text: '' });
      sent.delete(key);
      held.delete(key);
    }
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const unsubscribe = store.subscribe((state, before) => {
    if (state.drafts === before.drafts) return;
    clearTimeout(timer);
    timer = setTimeout(flush, SEND_AFTER_MS);
  });
  /** Back in the room: a draft the document already holds was revealed meanwhile; the rest go again. */
  const onSynced = ({ state }: { state: boolean }) => {
    if (!state) return;
    sent.clear();
    for (const [conflict] of store.getState().drafts)
      store
        .getState()
        .dropRevealed(conflict, (party, text) =>
          perspectiveOf(ydoc, conflict, party).includes(text),
        );
    flush();
  };
  const onStateless = ({ payload }: { payload: string }) => {
    const news = readNews(payload);
    if (news === undefined) return;
    const state = store.getState();
    if (news.type === 'written') {
      const fresh = [...news.written].flatMap(([conflict, parties]) =>
        parties.filter((p) => !(state.written.get(conflict) ?? []).includes(p)),
      );
      state.setWritten(news.written);
      if (fresh.length > 0)
        state.announce(fresh.map((p) => `${nameOf(p)} has written theirs.`).join(' '));
    } else if (news.type === 'revealed') {
      // What the relay was sent is what it revealed (the document holds it too, though its update
      // may arrive after this news); a draft typed on since stays, and goes to the relay as a new
      // private text.
      state.dropRevealed(
        news.conflict,
        (party, text) =>
          news.parties.includes(party) &&
          (held.get(draftKey(news.conflict, party)) === text ||
            perspectiveOf(ydoc, news.conflict, party).includes(text)),
      );
      // The relay has forgotten them: nothing to withdraw.
      for (const party of news.parties) {
        sent.delete(draftKey(news.conflict, party));
        held.delete(draftKey(news.conflict, party));
      }
      state.setPrivateMode(news.conflict, false);
      state.announce(
        `Perspectives revealed on “${titleOf(news.conflict)}”: ${news.parties.map(nameOf).join(', ')}.`,
      );
    } else {
      state.announce(
        news.command === 'reveal-perspectives'
          ? `The relay did not reveal the perspectives (${news.reason}).`
          : `The relay did not keep a private perspective (${news.reason}); it stays on this device.`,
      );
    }
  };
  provider.on('synced', onSynced);
  provider.on('stateless', onStateless);
  if (provider.isSynced) onSynced({ state: true });
  return () => {
    clearTimeout(timer);
    flush();
    unsubscribe();
    provider.off('synced', onSynced);
    provider.off('stateless', onStateless);
    store.getState().close();
  };
}
