/**
 * Workshop rooms on the relay (`npm run relay`, a child process on loopback): how long an edit
 * takes to show on the other peers (p50/p95) with 2 and 20 peers in one room and with 50 rooms of
 * 5 peers editing at once; the relay's memory (RSS) and CPU under each load; how long a
 * 2,000-goal map takes to join. Baseline in the same run: the same peers and edits through a bare
 * broadcast relay (frames forwarded untouched, no auth, no document, no storage), and for the
 * join, encoding and applying the same document in process.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { connect, createToken, editToken, newRoom, waitFor, type Client } from '../relay/harness';
import { spawnRelay, stopRelay, type RelayProcess } from '../relay/relayProcess';
import { measurePresence } from './roomsPresence';
import { ms, percentile, type BenchTable, type SuiteOptions } from './table';

const LATENCY_TARGET_MS = 50;
const JOIN_TARGET_MS = 1000;

/** A peer the bench can edit through and watch: on the real relay or the baseline. */
interface Peer {
  readonly doc: Y.Doc;
  readonly ready: () => boolean;
  readonly close: () => void;
}

function relayPeer(client: Client): Peer {
  return {
    doc: client.doc,
    ready: () => client.provider.isSynced,
    close: () => client.destroy(),
  };
}

/** A peer of the baseline: a Y.Doc whose local updates go out as they are, and come in as such. */
function broadcastPeer(url: string, room: string): Peer {
  const doc = new Y.Doc();
  const ws = new WebSocket(`${url}/${room}`);
  let open = false;
  ws.on('open', () => (open = true));
  ws.on('message', (data: Buffer) => Y.applyUpdate(doc, new Uint8Array(data), ws));
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== ws && ws.readyState === WebSocket.OPEN) ws.send(update);
  });
  return { doc, ready: () => open, close: () => ws.close() };
}

/** CPU seconds (user + system) and resident memory of a process, from /proc. */
function usage(pid: number): { cpuSeconds: number; rssMb: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
  return { cpuSeconds: ticks / 100, rssMb: rssKb / 1024 };
}

interface Load {
  readonly name: string;
  readonly rooms: number;
  readonly peersPerRoom: number;
  readonly edits: number;
}

/**
 * Each round, one peer in every room (in turn) writes a stamp; the round ends when every other
 * peer in every room has it. Latency = when a peer's document has the stamp − when it was written.
 */
async function measureLatency(rooms: readonly Peer[][], edits: number): Promise<number[]> {
  const latencies: number[] = [];
  for (let round = 0; round < edits; round++) {
    const key = `edit-${round}`;
    let pending = 0;
    const unobserve: (() => void)[] = [];
    const writtenAt = new Map<Peer[], number>();
    for (const peers of rooms) {
      peers.forEach((peer, i) => {
        if (i === round % peers.length) return;
        pending++;
        const map = peer.doc.getMap<number>('bench');
        let waiting = true;
        const seen = (event: Y.YMapEvent<number>) => {
          if (!waiting || !event.keysChanged.has(key)) return;
          latencies.push(performance.now() - (writtenAt.get(peers) ?? 0));
          pending--;
          waiting = false;
        };
        map.observe(seen);
        unobserve.push(() => map.unobserve(seen));
      });
    }
    for (const peers of rooms) {
      const editor = peers[round % peers.length];
      if (!editor) continue;
      writtenAt.set(peers, performance.now());
      editor.doc.getMap<number>('bench').set(key, round);
    }
    await waitFor(`round ${round} to reach every peer`, () => pending === 0, 10_000);
    for (const stop of unobserve) stop();
  }
  return latencies;
}

async function runLoad(
  load: Load,
  openPeer: (room: { room: string; first: boolean; token: () => string }) => Peer,
  pid: number,
): Promise<{ latencies: number[]; cpuPercent: number; rssMb: number }> {
  const rooms: Peer[][] = [];
  for (let r = 0; r < load.rooms; r++) {
    const secrets = newRoom();
    const peers: Peer[] = [];
    for (let p = 0; p < load.peersPerRoom; p++) {
      const peer = openPeer({
        room: secrets.room,
        first: p === 0,
        token: () => (p === 0 ? createToken(secrets) : editToken(secrets)),
      });
      // The first peer creates the room; the others may only join once it exists.
      if (p === 0) await waitFor('the room to open', peer.ready, 10_000);
      peers.push(peer);
    }
    rooms.push(peers);
  }
  await waitFor('every peer to join', () => rooms.flat().every((p) => p.ready()), 20_000);
  const before = usage(pid);
  const started = performance.now();
  const latencies = await measureLatency(rooms, load.edits);
  const seconds = (performance.now() - started) / 1000;
  const after = usage(pid);
  for (const peer of rooms.flat()) peer.close();
  return {
    latencies,
    cpuPercent: ((after.cpuSeconds - before.cpuSeconds) / seconds) * 100,
    rssMb: after.rssMb,
  };
}

/** A map of `goals` records, each a Y.Map of six fields, as the Y.Doc mapping keeps goals. */
function goalsDoc(count: number): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    const goals = doc.getMap<Y.Map<unknown>>('goals');
    for (let i = 0; i < count; i++) {
      const goal = new Y.Map<unknown>();
      goal.set('id', `goal-${i}`);
      goal.set('title', `Goal number ${i}: grow what matters`);
      goal.set('kind', i === 0 ? 'mission' : i < 40 ? 'objective' : 'kpi');
      goal.set('description', `Why goal ${i} matters to the company, in a sentence or two.`);
      goal.set('parent', i === 0 ? null : `goal-${Math.floor((i - 1) / 8)}`);
      goal.set('metric', { unit: '%', current: i % 97, target: 100, direction: 'up' });
      goals.set(`goal-${i}`, goal);
    }
  });
  return doc;
}

/** Joins of a fresh peer to a room holding a `goals`-record map: ms until it is synced. */
async function measureJoin(url: string, goals: number, joins: number): Promise<number[]> {
  const secrets = newRoom();
  const owner = connect(url, secrets.room, createToken(secrets), goalsDoc(goals));
  await waitFor('the map to reach the relay', () => owner.provider.isSynced, 20_000);
  await waitFor('the map to be sent', () => owner.provider.unsyncedChanges === 0, 20_000);
  const times: number[] = [];
  for (let j = 0; j < joins; j++) {
    const started = performance.now();
    const peer = connect(url, secrets.room, editToken(secrets));
    await waitFor(
      'the joiner to have the map',
      () => peer.provider.isSynced && peer.doc.getMap('goals').size === goals,
      20_000,
    );
    times.push(performance.now() - started);
    peer.destroy();
  }
  owner.destroy();
  return times;
}

export async function run(options: SuiteOptions = {}): Promise<BenchTable[]> {
  const smoke = options.smoke === true;
  const loads: Load[] = smoke
    ? [
        { name: '2 peers, 1 room', rooms: 1, peersPerRoom: 2, edits: 3 },
        { name: '20 peers, 1 room', rooms: 1, peersPerRoom: 20, edits: 2 },
        { name: '5 rooms × 5 peers', rooms: 5, peersPerRoom: 5, edits: 2 },
      ]
    : [
        { name: '2 peers, 1 room', rooms: 1, peersPerRoom: 2, edits: 200 },
        { name: '20 peers, 1 room', rooms: 1, peersPerRoom: 20, edits: 100 },
        { name: '50 rooms × 5 peers', rooms: 50, peersPerRoom: 5, edits: 40 },
      ];
  const goals = smoke ? 200 : 2000;
  const joins = smoke ? 1 : 10;
  const dataDir = await mkdtemp(join(tmpdir(), 'bench-rooms-'));
  const relay = await spawnRelay(dataDir, 0);
  const baseline = await spawnRelay(dataDir, 0, 'test/bench/broadcastRelay.ts');
  const pidOf = (p: RelayProcess) => p.child.pid ?? 0;
  try {
    const idle = usage(pidOf(relay));
    const baselineIdle = usage(pidOf(baseline));
    const latencyRows: (string | number)[][] = [];
    for (const load of loads) {
      const real = await runLoad(
        load,
        ({ room, token }) => relayPeer(connect(relay.url, room, token())),
        pidOf(relay),
      );
      const bare = await runLoad(
        load,
        ({ room }) => broadcastPeer(baseline.url, room),
        pidOf(baseline),
      );
      const p95 = percentile(real.latencies, 95);
      latencyRows.push([
        load.name,
        real.latencies.length,
        ms(percentile(real.latencies, 50)),
        ms(p95),
        ms(percentile(bare.latencies, 50)),
        ms(percentile(bare.latencies, 95)),
        real.cpuPercent.toFixed(0),
        real.rssMb.toFixed(0),
        bare.cpuPercent.toFixed(0),
        bare.rssMb.toFixed(0),
        smoke || load.peersPerRoom < 20
          ? '—'
          : `≤ ${LATENCY_TARGET_MS} ms ${p95 <= LATENCY_TARGET_MS ? 'ok' : 'MISSED'}`,
      ]);
    }
    const joinTimes = await measureJoin(relay.url, goals, joins);
    const doc = goalsDoc(goals);
    const decodeTimes = Array.from({ length: joins }, () => {
      const started = performance.now();
      Y.applyUpdate(new Y.Doc(), Y.encodeStateAsUpdate(doc));
      return performance.now() - started;
    });
    const joinP95 = percentile(joinTimes, 95);
    const presence = await measurePresence(
      { url: relay.url, pid: pidOf(relay) },
      { url: baseline.url, pid: pidOf(baseline) },
      (pid) => usage(pid).cpuSeconds,
      smoke,
    );
    return [
      {
        title: 'Rooms: edit-to-visible-on-peer latency on loopback, relay CPU and memory',
        columns: [
          'load',
          'observations',
          'p50 ms',
          'p95 ms',
          'baseline p50 ms',
          'baseline p95 ms',
          'relay CPU %',
          'relay RSS MB',
          'baseline CPU %',
          'baseline RSS MB',
          'target (20 peers)',
        ],
        rows: latencyRows,
        note:
          `Relay: \`npm run relay\` as a child process (idle RSS ${idle.rssMb.toFixed(0)} MB); baseline: ` +
          `a bare broadcast relay forwarding frames untouched (idle RSS ${baselineIdle.rssMb.toFixed(0)} MB). ` +
          'Peers run in the bench process; each round every room has one edit, timed until every other peer has it. ' +
          'CPU % is of one core over the rounds; RSS after them.',
      },
      {
        title: `Rooms: joining a ${goals.toLocaleString('en-US')}-goal map (Y.Map records of 6 fields)`,
        columns: ['joins', 'p50 ms', 'p95 ms', 'baseline: decode in process p50 ms', 'target'],
        rows: [
          [
            joins,
            ms(percentile(joinTimes, 50)),
            ms(joinP95),
            ms(percentile(decodeTimes, 50)),
            smoke ? '—' : `≤ ${JOIN_TARGET_MS} ms ${joinP95 <= JOIN_TARGET_MS ? 'ok' : 'MISSED'}`,
          ],
        ],
        note: `Time from opening the connection to having all ${goals} goals (a fresh peer each time). Encoded state: ${Y.encodeStateAsUpdate(doc).length} bytes.`,
      },
      presence,
    ];
  } finally {
    await stopRelay(relay, 'SIGTERM');
    await stopRelay(baseline);
    await rm(dataDir, { recursive: true, force: true });
  }
}
