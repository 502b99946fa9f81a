/**
 * Test harness for the relay: a relay in process on a free port with its own data directory,
 * clients that are what the app will be (a HocuspocusProvider on a plain Y.Doc, over `ws`), and
 * raw sockets that send exactly the bytes a test crafts.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { startRelay, type Relay, type RelayOptions } from '../../src/relay/relay';

export const randomSecret = (): string => randomBytes(24).toString('base64url');
export const randomRoom = (): string => randomBytes(12).toString('base64url');

export interface RoomSecrets {
  readonly room: string;
  readonly edit: string;
  readonly view: string;
}

export const newRoom = (): RoomSecrets => ({
  room: randomRoom(),
  edit: randomSecret(),
  view: randomSecret(),
});

export const createToken = (s: RoomSecrets): string =>
  JSON.stringify({ v: 1, role: 'edit', secret: s.edit, viewSecret: s.view });
export const editToken = (s: RoomSecrets): string =>
  JSON.stringify({ v: 1, role: 'edit', secret: s.edit });
export const viewToken = (s: RoomSecrets): string =>
  JSON.stringify({ v: 1, role: 'view', secret: s.view });

export async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'relay-test-'));
}

export interface TestRelay extends Relay {
  readonly dataDir: string;
  readonly logs: { event: string; fields: Record<string, unknown> }[];
}

/** A relay on a free port (or `port`), logging into an array the test can read. */
export async function startTestRelay(
  options: Partial<RelayOptions> & { dataDir?: string } = {},
): Promise<TestRelay> {
  const dataDir = options.dataDir ?? (await tempDir());
  const logs: TestRelay['logs'] = [];
  const relay = await startRelay({
    port: 0,
    storeDelayMs: 50,
    ...options,
    dataDir,
    log: (event, fields = {}) => logs.push({ event, fields }),
  });
  return { ...relay, dataDir, logs };
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

export interface Client {
  readonly doc: Y.Doc;
  readonly provider: HocuspocusProvider;
  /** Close reasons the relay sent, and authentication refusals. */
  readonly closes: string[];
  readonly refusals: string[];
  readonly stateless: string[];
  readonly destroy: () => void;
}

/** A peer on a plain Y.Doc: what the app's binding will hold, without the app. */
export function connect(url: string, room: string, token: string, doc = new Y.Doc()): Client {
  const closes: string[] = [];
  const refusals: string[] = [];
  const stateless: string[] = [];
  const websocketProvider = new HocuspocusProviderWebsocket({
    url,
    WebSocketPolyfill: WebSocket,
    // Reconnect quickly: tests restart relays and wait for peers to come back.
    delay: 50,
    minDelay: 50,
    maxDelay: 200,
    factor: 1.5,
  });
  websocketProvider.on('close', ({ event }: { event: { reason: string } }) => {
    if (event.reason !== '') closes.push(event.reason);
  });
  const provider = new HocuspocusProvider({
    websocketProvider,
    name: room,
    document: doc,
    token,
    onAuthenticationFailed: ({ reason }) => refusals.push(reason),
    onClose: ({ event }) => {
      if (event.reason !== '') closes.push(event.reason);
    },
    onStateless: ({ payload }) => stateless.push(payload),
  });
  provider.attach();
  return {
    doc,
    provider,
    closes,
    refusals,
    stateless,
    destroy: () => {
      provider.destroy();
      websocketProvider.destroy();
    },
  };
}

/** Polls until `check` holds; fails with `what` after `timeoutMs`. */
export async function waitFor(what: string, check: () => boolean, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export const synced = (client: Client) => () => client.provider.isSynced;

/** A goal record as the Y.Doc mapping keeps it: a Y.Map of fields under `goals`. */
export function setGoal(doc: Y.Doc, id: string, title: string): void {
  doc.transact(() => {
    const goal = new Y.Map<string>();
    goal.set('id', id);
    goal.set('title', title);
    doc.getMap<Y.Map<string>>('goals').set(id, goal);
  });
}

export function goalTitle(doc: Y.Doc, id: string): string | undefined {
  return doc.getMap<Y.Map<string>>('goals').get(id)?.get('title');
}

/** Hocuspocus frames, byte for byte, for raw sockets. */
export const frames = {
  auth: (room: string, token: string): Uint8Array => {
    const e = encoding.createEncoder();
    encoding.writeVarString(e, room);
    encoding.writeVarUint(e, 2); // Auth
    encoding.writeVarUint(e, 0); // Token
    encoding.writeVarString(e, token);
    return encoding.toUint8Array(e);
  },
  update: (room: string, update: Uint8Array): Uint8Array => {
    const e = encoding.createEncoder();
    encoding.writeVarString(e, room);
    encoding.writeVarUint(e, 0); // Sync
    encoding.writeVarUint(e, 2); // Update
    encoding.writeVarUint8Array(e, update);
    return encoding.toUint8Array(e);
  },
};

export interface RawSocket {
  readonly ws: WebSocket;
  readonly closed: Promise<{ code: number; reason: string }>;
  /** Every frame the relay sent, as bytes. */
  readonly received: Uint8Array[];
}

export async function rawSocket(url: string): Promise<RawSocket> {
  const ws = new WebSocket(url);
  const received: Uint8Array[] = [];
  ws.on('message', (data: Buffer) => received.push(new Uint8Array(data)));
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() }));
  });
  ws.on('error', () => undefined);
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return { ws, closed, received };
}

/** An update that sets goal `id`'s title, made on a scratch document (as a crafted client would). */
export function titleUpdate(id: string, title: string): Uint8Array {
  const doc = new Y.Doc();
  setGoal(doc, id, title);
  return Y.encodeStateAsUpdate(doc);
}
