/**
 * Presence load for the rooms bench: 20 peers in one room each moving a cursor at 20 Hz through
 * the room's awareness, as the app's presence does (src/store/rooms/presence.ts). Measured: the
 * delay from one cursor move to its arrival at each other peer (p50/p95) and the relay's CPU.
 * Baseline in the same run: the same awareness updates through the bare broadcast relay.
 */
import WebSocket from 'ws';
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { sendOwnAwarenessOnly } from '../../src/store/rooms/ownAwareness';
import { connect, createToken, editToken, newRoom, waitFor } from '../relay/harness';
import { ms, percentile, type BenchTable } from './table';

const PEERS = 20;
const MOVE_EVERY_MS = 50;
export const PRESENCE_TARGET_MS = 100;

interface PresencePeer {
  readonly awareness: Awareness;
  readonly ready: () => boolean;
  readonly close: () => void;
}

/** A peer of the baseline: its awareness updates go out as they are, and come in as such. */
function broadcastPresencePeer(url: string, room: string): PresencePeer {
  const awareness = new Awareness(new Y.Doc());
  const ws = new WebSocket(`${url}/${room}`);
  let open = false;
  ws.on('open', () => (open = true));
  ws.on('message', (data: Buffer) => applyAwarenessUpdate(awareness, new Uint8Array(data), ws));
  awareness.on(
    'update',
    ({ added, updated }: { added: number[]; updated: number[] }, origin: unknown) => {
      if (origin !== ws && ws.readyState === WebSocket.OPEN)
        ws.send(encodeAwarenessUpdate(awareness, [...added, ...updated]));
    },
  );
  return {
    awareness,
    ready: () => open,
    close: () => {
      awareness.destroy();
      ws.close();
    },
  };
}

function relayPresencePeer(url: string, room: string, token: string): PresencePeer {
  const client = connect(url, room, token);
  // As the app does (src/store/rooms/session.ts).
  sendOwnAwarenessOnly(client.provider);
  const { awareness } = client.provider;
  if (!awareness) throw new Error('the provider has no awareness');
  return { awareness, ready: () => client.provider.isSynced, close: () => client.destroy() };
}

/** CPU seconds (user + system) of a process, from /proc. */
export type CpuSeconds = (pid: number) => number;

interface PresenceRun {
  readonly delays: number[];
  readonly cpuPercent: number;
}

/**
 * Every peer moves its cursor every 50 ms (staggered) for `seconds`; each move carries when it
 * was made, and every other peer notes when it arrived (all peers share this process's clock).
 */
async function runPresence(
  peers: readonly PresencePeer[],
  seconds: number,
  cpu: () => number,
): Promise<PresenceRun> {
  await waitFor('every presence peer to join', () => peers.every((p) => p.ready()), 20_000);
  const delays: number[] = [];
  const ids = new Set(peers.map((p) => p.awareness.clientID));
  for (const peer of peers) {
    peer.awareness.on('change', ({ updated, added }: { updated: number[]; added: number[] }) => {
      const now = performance.now();
      for (const id of [...updated, ...added]) {
        if (id === peer.awareness.clientID || !ids.has(id)) continue;
        const state: unknown = peer.awareness.getStates().get(id);
        const sent =
          typeof state === 'object' && state !== null && 'sentAt' in state ? state.sentAt : null;
        if (typeof sent === 'number') delays.push(now - sent);
      }
    });
  }
  const before = cpu();
  const started = performance.now();
  const timers = peers.map((peer, i) => {
    let x = i * 10;
    const move = () => {
      x += 1;
      peer.awareness.setLocalState({ cursor: { x, y: i }, sentAt: performance.now() });
    };
    return setTimeout(
      () => {
        move();
        intervals.push(setInterval(move, MOVE_EVERY_MS));
      },
      (i * MOVE_EVERY_MS) / peers.length,
    );
  });
  const intervals: ReturnType<typeof setInterval>[] = [];
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  for (const t of timers) clearTimeout(t);
  for (const t of intervals) clearInterval(t);
  // The last moves still on their way are allowed to land.
  await new Promise((resolve) => setTimeout(resolve, 200));
  const elapsed = (performance.now() - started) / 1000;
  const cpuPercent = ((cpu() - before) / elapsed) * 100;
  for (const peer of peers) peer.close();
  return { delays, cpuPercent };
}

export async function measurePresence(
  relay: { url: string; pid: number },
  baseline: { url: string; pid: number },
  cpuSeconds: CpuSeconds,
  smoke: boolean,
): Promise<BenchTable> {
  const seconds = smoke ? 0.5 : 6;
  const secrets = newRoom();
  const first = relayPresencePeer(relay.url, secrets.room, createToken(secrets));
  await waitFor('the room to open', first.ready, 10_000);
  const peers = [first];
  for (let i = 1; i < PEERS; i++)
    peers.push(relayPresencePeer(relay.url, secrets.room, editToken(secrets)));
  const real = await runPresence(peers, seconds, () => cpuSeconds(relay.pid));
  const room = newRoom().room;
  const bare = await runPresence(
    Array.from({ length: PEERS }, () => broadcastPresencePeer(baseline.url, room)),
    seconds,
    () => cpuSeconds(baseline.pid),
  );
  const p95 = percentile(real.delays, 95);
  return {
    title: `Rooms: presence, ${PEERS} peers moving cursors at ${1000 / MOVE_EVERY_MS} Hz — move-to-arrival delay and relay CPU`,
    columns: [
      'relay',
      'arrivals',
      'p50 ms',
      'p95 ms',
      'relay CPU %',
      `target p95 ≤ ${PRESENCE_TARGET_MS} ms`,
    ],
    rows: [
      [
        'Hocuspocus relay (awareness)',
        real.delays.length,
        ms(percentile(real.delays, 50)),
        ms(p95),
        real.cpuPercent.toFixed(0),
        smoke ? '—' : p95 <= PRESENCE_TARGET_MS ? 'ok' : 'MISSED',
      ],
      [
        'baseline: bare broadcast relay',
        bare.delays.length,
        ms(percentile(bare.delays, 50)),
        ms(percentile(bare.delays, 95)),
        bare.cpuPercent.toFixed(0),
        '—',
      ],
    ],
    note:
      `Each peer sets its awareness state (a cursor and the time of the move) every ${MOVE_EVERY_MS} ms, ` +
      `staggered, for ${seconds} s; the delay is from the move to the awareness change at each other peer. ` +
      'All peers run in the bench process, so the figures include every peer decoding every move in turn.',
  };
}
