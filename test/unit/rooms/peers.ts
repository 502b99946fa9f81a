/**
 * Peers of one room for tests: each a Y.Doc with its binding and the document it shows, joined
 * by a network that buffers every update per receiver, so a test can deliver them late, in any
 * order, or not until a peer reconnects.
 */
import { expect } from 'vitest';
import * as Y from 'yjs';
import type { CommandResult } from '../../../src/domain/commands';
import type { MapDocument } from '../../../src/domain/model';
import type { SetAsideItem } from '../../../src/domain/repair';
import { exportMapJson } from '../../../src/io/json';
import { RoomBinding, type RoomView } from '../../../src/rooms/roomBinding';
import { writeMapDocument } from '../../../src/rooms/writeRoom';

/** The origin of updates that came over the network (anything but the binding's own). */
const NETWORK = 'network';

export interface Peer {
  readonly ydoc: Y.Doc;
  readonly binding: RoomBinding;
  /** The document this device shows: its own edits, or the last view the binding delivered. */
  shown: MapDocument;
  online: boolean;
  /** Updates waiting to reach this peer. */
  readonly inbox: Uint8Array[];
  /** Record ids this peer took off its map itself (an edit or an undo). */
  readonly removed: Set<string>;
}

/** Every record id on the map, whatever its list. */
export const recordIds = (doc: MapDocument): Set<string> =>
  new Set(
    [
      ...doc.goals,
      ...doc.links,
      ...doc.stakeholders,
      ...doc.incentives,
      ...doc.conflicts,
      ...doc.tradeOffs,
      ...doc.reportingLines,
    ].map((r) => r.id),
  );

export function removedIds(before: MapDocument, after: MapDocument): string[] {
  const still = recordIds(after);
  return [...recordIds(before)].filter((id) => !still.has(id));
}

/** `count` peers that all start from `start` (the first writes it, the others join). */
export function makePeers(start: MapDocument, count: number): Peer[] {
  const origin = new Y.Doc();
  writeMapDocument(origin, start);
  const state = Y.encodeStateAsUpdate(origin);
  const peers: Peer[] = [];
  for (let i = 0; i < count; i++) {
    const ydoc = new Y.Doc();
    Y.applyUpdate(ydoc, state, NETWORK);
    const peer: Peer = {
      ydoc,
      binding: new RoomBinding(ydoc, {
        local: start,
        onChange: (view: RoomView, change) => {
          if (change === 'undo' || change === 'redo') {
            for (const id of removedIds(peer.shown, view.doc)) peer.removed.add(id);
          }
          peer.shown = view.doc;
        },
      }),
      shown: start,
      online: true,
      inbox: [],
      removed: new Set(),
    };
    peers.push(peer);
  }
  for (const peer of peers) {
    peer.ydoc.on('update', (update: Uint8Array, from: unknown) => {
      if (from === NETWORK) return;
      for (const other of peers) if (other !== peer) other.inbox.push(update);
    });
  }
  return peers;
}

/** A record's Y.Map in `peer`'s copy of the room (deleted or not). */
export function record(peer: Peer, list: string, id: string): Y.Map<unknown> {
  const stored = peer.ydoc.getMap(list).get(id);
  if (!(stored instanceof Y.Map)) throw new Error(`${list} ${id} in the room`);
  return stored as Y.Map<unknown>;
}

/** One local edit on `peer`: the binding writes it, the peer shows it. */
export function edit(peer: Peer, after: MapDocument): void {
  const before = peer.shown;
  for (const id of removedIds(before, after)) peer.removed.add(id);
  peer.shown = after;
  peer.binding.applyLocalEdit(before, after);
}

/** Delivers the `pick`-th waiting update to `peer`, if it is online. */
export function deliver(peer: Peer, pick: number): void {
  if (!peer.online || peer.inbox.length === 0) return;
  const [update] = peer.inbox.splice(pick % peer.inbox.length, 1);
  if (update) Y.applyUpdate(peer.ydoc, update, NETWORK);
}

/** Everyone back online and every waiting update delivered, in the order `pick` chooses. */
export function settle(peers: readonly Peer[], pick: number): void {
  for (const peer of peers) peer.online = true;
  let step = pick;
  while (peers.some((p) => p.inbox.length > 0)) {
    for (const peer of peers) deliver(peer, step++);
  }
}

/** The document a command made; throws its refusal (a test that expects the command to work). */
export function must(result: CommandResult): MapDocument {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** Two devices that each make one edit while apart, then hear from each other. */
export function apart(
  start: MapDocument,
  onA: (doc: MapDocument) => CommandResult,
  onB: (doc: MapDocument) => CommandResult,
): readonly [Peer, Peer] {
  const [a, b] = makePeers(start, 2);
  if (!a || !b) throw new Error('two peers');
  edit(a, must(onA(a.shown)));
  edit(b, must(onB(b.shown)));
  settle([a, b], 0);
  return [a, b];
}

/** The one item `peer` lists as set aside. */
export function only(peer: Peer): SetAsideItem {
  const [item, ...more] = peer.binding.view.setAside;
  if (!item || more.length > 0)
    throw new Error(`one set-aside item, not ${peer.binding.view.setAside.length}`);
  return item;
}

/** Both devices show the same map as their bindings' view, and the same set-aside list. */
export function expectSame(a: Peer, b: Peer): void {
  expect(exportMapJson(a.shown)).toBe(exportMapJson(b.shown));
  expect(exportMapJson(a.binding.view.doc)).toBe(exportMapJson(a.shown));
  expect(b.binding.view.setAside).toEqual(a.binding.view.setAside);
}

/** Undo on `who` brings `item` back on both devices; redo settles it again. */
export function expectUndoable(who: Peer, other: Peer, item: SetAsideItem): void {
  expect(who.binding.undo()).toBe(true);
  settle([who, other], 0);
  expect(other.binding.view.setAside).toEqual([item]);
  expectSame(who, other);
  expect(who.binding.redo()).toBe(true);
  settle([who, other], 0);
  expect(other.binding.view.setAside).toEqual([]);
  expectSame(who, other);
}
