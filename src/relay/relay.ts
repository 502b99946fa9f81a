/**
 * The relay: a Hocuspocus 3 server that keeps rooms in a `RoomStore`, admits a connection only
 * with the right room secret (view-only connections are read-only here, on the relay), enforces
 * `RelayLimits`, and with a Redis URL shares its rooms with other relays through Hocuspocus's Redis
 * extension. `startRelay` is what `npm run relay` runs, and what tests and benchmarks start in
 * process.
 */
import { Redis } from '@hocuspocus/extension-redis';
import {
  Server,
  type Connection,
  type Document,
  type Extension,
  type Hocuspocus,
} from '@hocuspocus/server';
import type { WebSocket } from 'ws';
import * as Y from 'yjs';
import {
  DEFAULT_LIMITS,
  frameRoom,
  inspectMessage,
  MessageBudget,
  Refusal,
  refusals,
  type RelayLimits,
} from './limits';
import type { RelayLog } from './log';
import { parsePerspectiveMessage, PrivatePerspectives } from './privatePerspectives';
import { parseRoomCommand, type RoomCommand } from './roomCommand';
import { openRoomStore, type RoomMeta, type RoomStore } from './roomStore';
import { hashSecret, parseToken, ROOM_NAME, secretMatches, type Role } from './token';

export interface RelayOptions {
  /** 0 picks a free port (tests). */
  readonly port: number;
  readonly host?: string;
  readonly dataDir: string;
  /** With it, rooms are shared with every relay on the same Redis (and the same data directory). */
  readonly redisUrl?: string;
  readonly limits?: Partial<RelayLimits>;
  readonly log?: RelayLog;
  /** How long after the last edit a room is written (ms); it is written at least every 4×. */
  readonly storeDelayMs?: number;
}

export interface Relay {
  /** The address clients connect to, e.g. ws://127.0.0.1:4455 */
  readonly url: string;
  readonly port: number;
  /** Writes every open room, closes every connection, then stops listening. */
  readonly close: () => Promise<void>;
}

const DEFAULT_STORE_DELAY_MS = 300;

function redisExtension(redisUrl: string, log: RelayLog): Redis {
  const url = new URL(redisUrl);
  const db = url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0;
  log('redis', { host: url.hostname, port: url.port === '' ? 6379 : Number(url.port) });
  return new Redis({
    host: url.hostname,
    port: url.port === '' ? 6379 : Number(url.port),
    options: {
      ...(url.username === '' ? {} : { username: decodeURIComponent(url.username) }),
      ...(url.password === '' ? {} : { password: decodeURIComponent(url.password) }),
      db,
    },
  });
}

/** What onAuthenticate returned, as Hocuspocus hands it back to later hooks. */
function isFacilitatorContext(context: unknown): boolean {
  return (
    typeof context === 'object' &&
    context !== null &&
    'facilitator' in context &&
    context.facilitator === true
  );
}

/** Everything the relay decides itself: who may join a room, what it may send, what is kept. */
class RoomsExtension implements Extension {
  /** Run after the Redis extension, which stops a store on the relays that do not hold the lock. */
  readonly priority = 100;
  private readonly roles = new WeakMap<Connection, Role>();
  /** Connections that proved both secrets: the device the map was shared from. */
  private readonly facilitators = new WeakSet<Connection>();
  private readonly perspectives: PrivatePerspectives;
  /** Encoded bytes per open room: its stored size plus the updates applied since. */
  private readonly sizes = new Map<string, number>();
  /** Rooms deleted while still open: nothing may write them back. */
  private readonly deleted = new Set<string>();
  /** Per room, the owner's command under way (and those queued behind it). */
  private readonly commands = new Map<string, Promise<void>>();

  constructor(
    private readonly store: RoomStore,
    private readonly limits: RelayLimits,
    private readonly log: RelayLog,
    private readonly overBudget: WeakSet<WebSocket>,
    hocuspocus: () => Hocuspocus,
  ) {
    this.perspectives = new PrivatePerspectives(store, limits, log, hocuspocus);
  }

  async onAuthenticate(data: {
    documentName: string;
    token: string;
    connectionConfig: { readOnly: boolean };
    socketId: string;
  }): Promise<{ facilitator: boolean }> {
    const room = data.documentName;
    const refuse = (refusal: Refusal): never => {
      this.log('refused', { room: ROOM_NAME.test(room) ? room : '-', reason: refusal.reason });
      throw refusal;
    };
    if (!ROOM_NAME.test(room)) refuse(refusals.badRoomName());
    const token = parseToken(data.token);
    if (token === undefined) return refuse(refusals.badToken());
    let meta = await this.store.meta(room);
    if (meta === undefined && token.role === 'edit' && token.viewSecret !== undefined) {
      const created = {
        v: 1 as const,
        editHash: hashSecret(token.secret),
        viewHash: hashSecret(token.viewSecret),
        ...(token.ownerSecret === undefined ? {} : { ownerHash: hashSecret(token.ownerSecret) }),
        created: new Date().toISOString(),
      };
      if (await this.store.create(room, created)) {
        this.deleted.delete(room);
        this.log('room-created', { room });
      }
      meta = await this.store.meta(room);
    }
    if (meta === undefined) return refuse(refusals.roomNotFound());
    const hash = token.role === 'edit' ? meta.editHash : meta.viewHash;
    if (!secretMatches(token.secret, hash)) refuse(refusals.wrongSecret());
    data.connectionConfig.readOnly = token.role === 'view';
    // Only the device the map was shared from keeps the view secret beside the edit secret.
    const facilitator =
      token.role === 'edit' &&
      token.viewSecret !== undefined &&
      secretMatches(token.viewSecret, meta.viewHash);
    return { facilitator };
  }

  async onLoadDocument(data: { documentName: string; document: Document }): Promise<void> {
    const state = await this.store.state(data.documentName);
    if (state !== undefined) Y.applyUpdate(data.document, state);
    this.sizes.set(data.documentName, state?.length ?? 0);
  }

  async connected(data: {
    documentName: string;
    connection: Connection;
    context: unknown;
  }): Promise<void> {
    const role: Role = data.connection.readOnly ? 'view' : 'edit';
    this.roles.set(data.connection, role);
    if (isFacilitatorContext(data.context)) this.facilitators.add(data.connection);
    this.log('joined', { room: data.documentName, role });
    await this.perspectives.greet(data.documentName, data.connection);
  }

  async onDisconnect(data: { documentName: string; clientsCount: number }): Promise<void> {
    this.log('left', { room: data.documentName, clients: data.clientsCount });
    return Promise.resolve();
  }

  async beforeHandleMessage(data: {
    documentName: string;
    connection: Connection;
    update: Uint8Array;
  }): Promise<void> {
    const { connection, documentName: room } = data;
    const refuse = (refusal: Refusal): never => {
      this.log('refused', { room, reason: refusal.reason });
      throw refusal;
    };
    if (this.overBudget.has(connection.webSocket)) refuse(refusals.rateLimited(this.limits));
    const message = inspectMessage(data.update);
    if (message.kind === 'malformed') {
      const refusal = refusals.malformed();
      // A client that sends what is not Hocuspocus cannot be trusted with its other rooms either.
      connection.webSocket.close(refusal.code, refusal.reason);
      refuse(refusal);
    }
    // Hocuspocus itself drops every change a read-only connection sends (and tells it so); an
    // update message is nothing but a change, so say so in the log too.
    if (message.kind === 'update' && connection.readOnly && message.step === 'update')
      this.log('refused', { room, reason: 'view-only' });
    if (message.kind === 'update' && !connection.readOnly) {
      const size = this.sizes.get(room) ?? 0;
      if (size + message.bytes > this.limits.maxDocumentBytes)
        refuse(refusals.documentTooLarge(this.limits));
    }
    return Promise.resolve();
  }

  async onChange(data: { documentName: string; update: Uint8Array }): Promise<void> {
    this.sizes.set(
      data.documentName,
      (this.sizes.get(data.documentName) ?? 0) + data.update.length,
    );
    return Promise.resolve();
  }

  async onStoreDocument(data: { documentName: string; document: Document }): Promise<void> {
    const room = data.documentName;
    if (this.deleted.has(room)) return;
    const state = Y.encodeStateAsUpdate(data.document);
    await this.store.saveState(room, state);
    // Deleted while this write was under way: the write must not bring the room back.
    if (this.deleted.has(room)) await this.store.remove(room);
    this.sizes.set(room, state.length);
  }

  async afterUnloadDocument(data: { documentName: string }): Promise<void> {
    this.sizes.delete(data.documentName);
    return Promise.resolve();
  }

  async onStateless(data: {
    connection: Connection;
    documentName: string;
    document: Document;
    payload: string;
  }): Promise<void> {
    const perspective = parsePerspectiveMessage(data.payload);
    if (perspective === 'malformed') {
      const refusal = refusals.malformed();
      this.log('refused', { room: data.documentName, reason: refusal.reason });
      data.connection.webSocket.close(refusal.code, refusal.reason);
      return;
    }
    if (perspective !== undefined) {
      await this.perspectives.handle(
        perspective,
        data.documentName,
        data.document,
        data.connection,
        {
          edit: this.roles.get(data.connection) === 'edit',
          facilitator: this.facilitators.has(data.connection),
        },
      );
      return;
    }
    const command = parseRoomCommand(data.payload);
    if (command === undefined) return;
    const room = data.documentName;
    // One command at a time per room: each reads the room's hashes and writes them back, and two
    // rotations sent back to back must not each write over the other's new secret.
    const previous = this.commands.get(room) ?? Promise.resolve();
    const next = previous.then(() => this.command(command, data));
    const queued = next.catch(() => undefined);
    this.commands.set(room, queued);
    try {
      await next;
    } finally {
      if (this.commands.get(room) === queued) this.commands.delete(room);
    }
  }

  private async command(
    command: RoomCommand,
    data: { connection: Connection; documentName: string; document: Document },
  ): Promise<void> {
    const reply = (answer: object) => data.connection.sendStateless(JSON.stringify(answer));
    if (this.roles.get(data.connection) !== 'edit') {
      this.log('refused', { room: data.documentName, reason: 'view-only-command' });
      reply({ type: 'refused', reason: 'view-only' });
      return;
    }
    const meta = await this.store.meta(data.documentName);
    if (meta === undefined) return;
    if (meta.ownerHash !== undefined && !secretMatches(command.owner ?? '', meta.ownerHash)) {
      this.log('refused', { room: data.documentName, reason: 'not-owner' });
      reply({ type: 'refused', reason: 'not-owner' });
      return;
    }
    const done = () => reply({ type: 'done', command: command.type });
    // Deleting the room closes the sender's connection too: said before, not after.
    if (command.type === 'delete-room') done();
    await this.runCommand(command, meta, data.documentName, data.document, data.connection);
    if (command.type !== 'delete-room') done();
  }

  private async runCommand(
    command: RoomCommand,
    meta: RoomMeta,
    room: string,
    document: Document,
    sender: Connection,
  ): Promise<void> {
    if (command.type === 'delete-room') {
      this.deleted.add(room);
      await this.store.remove(room);
      this.log('room-deleted', { room });
      this.closeAll(document, refusals.roomDeleted(), () => true);
      return;
    }
    const hash = hashSecret(command.secret);
    await this.store.replaceMeta(
      room,
      command.role === 'edit' ? { ...meta, editHash: hash } : { ...meta, viewHash: hash },
    );
    this.log('secret-rotated', { room, role: command.role });
    this.closeAll(
      document,
      refusals.secretRotated(),
      (connection) => connection !== sender && this.roles.get(connection) === command.role,
    );
  }

  private closeAll(
    document: Document,
    refusal: Refusal,
    which: (connection: Connection) => boolean,
  ): void {
    for (const connection of document.getConnections())
      if (which(connection)) connection.close({ code: refusal.code, reason: refusal.reason });
  }
}

/**
 * Counts each socket's frames before Hocuspocus reads them: a socket over its rate is closed
 * (and marked, so the frame that tipped it is refused too), and one that piles up frames for
 * rooms it has not joined is closed before they fill the relay's memory.
 */
function watchSocket(
  ws: WebSocket,
  limits: RelayLimits,
  overBudget: WeakSet<WebSocket>,
  joined: (ws: WebSocket, room: string) => boolean,
  log: RelayLog,
): void {
  const budget = new MessageBudget(limits.messagesPerSecond, limits.messageBurst, Date.now());
  let pending = 0;
  ws.prependListener('message', (data: Buffer) => {
    let refusal: Refusal | undefined;
    if (!budget.take(Date.now())) {
      overBudget.add(ws);
      refusal = refusals.rateLimited(limits);
    } else {
      const room = frameRoom(data);
      if (room === undefined || !joined(ws, room)) pending += 1;
      if (pending > limits.maxPendingFrames) {
        overBudget.add(ws);
        refusal = refusals.tooManyPending();
      }
    }
    if (refusal !== undefined && ws.readyState === ws.OPEN) {
      log('refused', { reason: refusal.reason });
      ws.close(refusal.code, refusal.reason);
    }
  });
}

export async function startRelay(options: RelayOptions): Promise<Relay> {
  const limits: RelayLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const log: RelayLog = options.log ?? (() => undefined);
  const host = options.host ?? '127.0.0.1';
  const storeDelay = options.storeDelayMs ?? DEFAULT_STORE_DELAY_MS;
  const store = await openRoomStore(options.dataDir);
  const overBudget = new WeakSet<WebSocket>();
  // The server is made below; the rooms reach it only once messages arrive.
  const rooms = new RoomsExtension(store, limits, log, overBudget, () => server.hocuspocus);
  const extensions: Extension[] = [rooms];
  if (options.redisUrl !== undefined) extensions.unshift(redisExtension(options.redisUrl, log));

  const server = new Server(
    {
      port: options.port,
      address: host,
      quiet: true,
      stopOnSignals: false,
      debounce: storeDelay,
      maxDebounce: storeDelay * 4,
      extensions,
    },
    { maxPayload: limits.maxMessageBytes },
  );
  const joined = (ws: WebSocket, room: string) =>
    server.hocuspocus.documents.get(room)?.connections.has(ws) ?? false;
  server.webSocketServer.on('connection', (ws: WebSocket) => {
    watchSocket(ws, limits, overBudget, joined, log);
  });

  await server.listen();
  const port = server.address.port;
  log('listening', { host, port, redis: options.redisUrl !== undefined });
  return {
    url: `ws://${host}:${port}`,
    port,
    close: async () => {
      await server.destroy();
      for (const ws of server.webSocketServer.clients) ws.terminate();
      log('closed', { port });
    },
  };
}
