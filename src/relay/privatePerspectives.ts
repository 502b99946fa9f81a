/**
 * Private perspectives: each party of a conflict writes theirs before hearing the other side, and
 * nobody else's device sees it until the facilitator reveals them all at once. The text never
 * enters the room's document before then; it travels as a Hocuspocus stateless message to the
 * relay, which keeps it per room, per conflict, per party (on disk beside the room, written like
 * the room's state), tells every peer only *who* has written, and on the reveal writes every text
 * into the conflict's perspectives in one update of its own. Messages (JSON):
 *
 *   {"type":"write-perspective","conflict":"<id>","party":"<stakeholder id>","text":"…"}   ("" withdraws it)
 *   {"type":"reveal-perspectives","conflict":"<id>"}                      the facilitator only
 *
 * The relay answers the sender {"type":"done","command":…} or {"type":"refused","reason":…}, and
 * tells every peer of the room {"type":"perspectives-written","written":{"<conflict>":["<party>",…]}}
 * (after each change, and on joining while any wait) and {"type":"perspectives-revealed",
 * "conflict":…,"parties":[…]} once they are in the document.
 */
import type { Connection, Document, Hocuspocus } from '@hocuspocus/server';
import * as Y from 'yjs';
import { z } from 'zod';
import { conflictRecord, perspectiveOf, PERSPECTIVES } from '../rooms/roomShape';
import type { RelayLimits } from './limits';
import type { RelayLog } from './log';
import type { RoomStore } from './roomStore';

/** Record ids are whatever a map file held: any non-empty string, kept within reason. */
const idSchema = z.string().min(1).max(200);

const messageSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('write-perspective'),
    conflict: idSchema,
    party: idSchema,
    text: z.string(),
  }),
  z.strictObject({ type: z.literal('reveal-perspectives'), conflict: idSchema }),
]);

export type PerspectiveMessage = z.infer<typeof messageSchema>;

const MESSAGE_TYPES: readonly string[] = ['write-perspective', 'reveal-perspectives'];

const typeOnly = z.looseObject({ type: z.string() });

/**
 * The message, undefined when it is not one of these (another stateless message), or
 * 'malformed': not JSON with a type at all, or one of ours with fields that do not fit.
 */
export function parsePerspectiveMessage(
  text: string,
): PerspectiveMessage | 'malformed' | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return 'malformed';
  }
  const typed = typeOnly.safeParse(json);
  if (!typed.success) return 'malformed';
  if (!MESSAGE_TYPES.includes(typed.data.type)) return undefined;
  const parsed = messageSchema.safeParse(json);
  return parsed.success ? parsed.data : 'malformed';
}

/** Per conflict, per party: the text waiting for its reveal. */
type Texts = Map<string, Map<string, string>>;

/** On disk as a list (ids are any string, so never object keys that could be `__proto__`). */
const fileSchema = z.strictObject({
  v: z.literal(1),
  texts: z.array(z.strictObject({ conflict: idSchema, party: idSchema, text: z.string() })),
});

function decodeTexts(bytes: Uint8Array | undefined): Texts {
  const texts: Texts = new Map();
  if (bytes === undefined) return texts;
  const file = fileSchema.parse(JSON.parse(Buffer.from(bytes).toString('utf8')));
  for (const { conflict, party, text } of file.texts) {
    const parties = texts.get(conflict) ?? new Map<string, string>();
    parties.set(party, text);
    texts.set(conflict, parties);
  }
  return texts;
}

function encodeTexts(texts: Texts): Uint8Array | null {
  const list = [...texts].flatMap(([conflict, parties]) =>
    [...parties].map(([party, text]) => ({ conflict, party, text })),
  );
  return list.length === 0 ? null : Buffer.from(JSON.stringify({ v: 1, texts: list }), 'utf8');
}

const countTexts = (texts: Texts) => [...texts.values()].reduce((n, p) => n + p.size, 0);

/** Who has written, never what: the only thing about a private text a peer is told. */
export function statusMessage(texts: Texts): string {
  const written: Record<string, string[]> = {};
  for (const [conflict, parties] of texts)
    Object.defineProperty(written, conflict, { value: [...parties.keys()], enumerable: true });
  return JSON.stringify({ type: 'perspectives-written', written });
}

/** A perspective already in the document stays: the revealed text follows it. */
function joined(before: unknown, text: string): string {
  if (typeof before !== 'string' || before.trim() === '') return text;
  return before.includes(text) ? before : `${before}\n\n${text}`;
}

/** Writes every text into the conflict's perspectives, in one transaction. */
function insertPerspectives(doc: Y.Doc, conflict: string, parties: Map<string, string>): void {
  doc.transact(() => {
    const record = conflictRecord(doc, conflict);
    if (record === undefined) return;
    const stored = record.get(PERSPECTIVES);
    const perspectives =
      stored instanceof Y.Map ? (stored as Y.Map<unknown>) : new Y.Map<unknown>();
    if (perspectives !== stored) record.set(PERSPECTIVES, perspectives);
    for (const [party, text] of parties)
      perspectives.set(party, joined(perspectives.get(party), text));
  });
}

/** What a connection may do here: view-only writes nothing; only the facilitator reveals. */
export interface Standing {
  readonly edit: boolean;
  readonly facilitator: boolean;
}

export class PrivatePerspectives {
  /** One change at a time per room: each reads the file, changes it and writes it back. */
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(
    private readonly store: RoomStore,
    private readonly limits: RelayLimits,
    private readonly log: RelayLog,
    private readonly hocuspocus: () => Hocuspocus,
  ) {}

  private inTurn<T>(room: string, task: () => Promise<T>): Promise<T> {
    const next = (this.queues.get(room) ?? Promise.resolve()).then(task, task);
    const settled = next.catch(() => undefined);
    this.queues.set(room, settled);
    void settled.then(() => {
      if (this.queues.get(room) === settled) this.queues.delete(room);
    });
    return next;
  }

  private async texts(room: string): Promise<Texts> {
    return decodeTexts(await this.store.privateTexts(room));
  }

  /** Tells a joining connection who has written, when anyone has. */
  async greet(room: string, connection: Connection): Promise<void> {
    const texts = await this.inTurn(room, () => this.texts(room));
    if (texts.size > 0) connection.sendStateless(statusMessage(texts));
  }

  /** Runs one message from `connection`; the answer goes to it, the news to every peer. */
  async handle(
    message: PerspectiveMessage,
    room: string,
    document: Document,
    connection: Connection,
    standing: Standing,
  ): Promise<void> {
    const reply = (answer: object) => connection.sendStateless(JSON.stringify(answer));
    const refuse = (reason: string) => {
      this.log('refused', { room, reason });
      reply({ type: 'refused', command: message.type, reason });
    };
    const refusal = !standing.edit
      ? 'view-only'
      : message.type === 'reveal-perspectives' && !standing.facilitator
        ? 'not-facilitator'
        : await this.inTurn(room, () =>
            message.type === 'write-perspective'
              ? this.write(room, document, connection, message)
              : this.reveal(room, document, message.conflict),
          );
    if (refusal === undefined) reply({ type: 'done', command: message.type });
    else refuse(refusal);
  }

  /** Keeps (or withdraws) one text; the reason when it is refused. */
  private async write(
    room: string,
    document: Document,
    connection: Connection,
    { conflict, party, text }: Extract<PerspectiveMessage, { type: 'write-perspective' }>,
  ): Promise<string | undefined> {
    if (text.length > this.limits.maxPerspectiveChars)
      return `perspective-too-long: at most ${this.limits.maxPerspectiveChars} characters`;
    // A device back from a lost connection sends its draft again; once revealed (the reveal may
    // have run while it was away), the text is not held a second time, and the device hears so.
    if (text !== '' && perspectiveOf(document, conflict, party).includes(text)) {
      connection.sendStateless(
        JSON.stringify({ type: 'perspectives-revealed', conflict, parties: [party] }),
      );
      return undefined;
    }
    const texts = await this.texts(room);
    const parties = texts.get(conflict) ?? new Map<string, string>();
    if (text === '') parties.delete(party);
    else {
      if (!parties.has(party) && countTexts(texts) >= this.limits.maxPrivatePerspectives)
        return `too-many-perspectives: a room holds at most ${this.limits.maxPrivatePerspectives}`;
      parties.set(party, text);
    }
    if (parties.size > 0) texts.set(conflict, parties);
    else texts.delete(conflict);
    await this.store.savePrivateTexts(room, encodeTexts(texts));
    this.log('perspective-written', { room, waiting: countTexts(texts) });
    document.broadcastStateless(statusMessage(texts));
    return undefined;
  }

  /**
   * Writes the conflict's texts into the document (stored at once), and only then forgets them:
   * a relay stopped in between still has them on disk, and a second reveal adds nothing twice.
   */
  private async reveal(
    room: string,
    document: Document,
    conflict: string,
  ): Promise<string | undefined> {
    const texts = await this.texts(room);
    const parties = texts.get(conflict);
    if (parties === undefined) return 'nothing-to-reveal';
    if (conflictRecord(document, conflict) === undefined) return 'conflict-not-found';
    const direct = await this.hocuspocus().openDirectConnection(room, { reveal: true });
    try {
      await direct.transact((doc) => insertPerspectives(doc, conflict, parties));
    } finally {
      await direct.disconnect();
    }
    texts.delete(conflict);
    await this.store.savePrivateTexts(room, encodeTexts(texts));
    this.log('perspectives-revealed', { room, count: parties.size });
    document.broadcastStateless(
      JSON.stringify({ type: 'perspectives-revealed', conflict, parties: [...parties.keys()] }),
    );
    document.broadcastStateless(statusMessage(texts));
    return undefined;
  }
}
