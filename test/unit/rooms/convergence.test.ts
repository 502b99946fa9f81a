/**
 * Convergence: 2–4 devices in one room apply random commands (the real domain commands, through
 * their bindings), undo their own edits, go offline and come back, and receive each other's
 * updates late and in any order. Once everything is delivered, every device shows the same map,
 * it keeps every invariant, and every record someone added and nobody removed is on it or named
 * in the set-aside list. `CONVERGENCE_RUNS` and `CONVERGENCE_SEED` run a longer hunt
 * (`npm run test:convergence`).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkInvariants } from '../../../src/domain/invariants';
import { exportMapJson } from '../../../src/io/json';
import { contextOf, goalSteps, peopleSteps, type Step } from '../domain/commandSteps';
import { arbMapDocumentV2 } from './arbitraries';
import { deliver, edit, makePeers, recordIds, removedIds, settle, type Peer } from './peers';

/** `npm test` runs a fixed seeded slice; a hunt with no seed given picks one and says which. */
const RUNS = Number(process.env.CONVERGENCE_RUNS ?? 500);
const SEED = Number(
  process.env.CONVERGENCE_SEED ?? (process.env.CONVERGENCE_RUNS ? Date.now() % 2 ** 31 : 20261205),
);
if (process.env.CONVERGENCE_RUNS) console.log(`convergence: ${RUNS} runs, seed ${SEED}`);

type Action =
  | { readonly kind: 'edit'; readonly peer: number; readonly step: Step }
  | { readonly kind: 'undo' | 'redo' | 'toggle'; readonly peer: number }
  | { readonly kind: 'deliver'; readonly peer: number; readonly pick: number };

const arbPeer = fc.nat(3);
const arbAction: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('edit' as const),
      peer: arbPeer,
      step: fc.oneof(...goalSteps, ...peopleSteps),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('undo' as const), peer: arbPeer }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('redo' as const), peer: arbPeer }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('toggle' as const), peer: arbPeer }) },
  {
    weight: 5,
    arbitrary: fc.record({ kind: fc.constant('deliver' as const), peer: arbPeer, pick: fc.nat() }),
  },
);

function run(peers: readonly Peer[], action: Action, at: number, added: Set<string>): void {
  const peer = peers[action.peer % peers.length];
  if (peer === undefined) return;
  switch (action.kind) {
    case 'deliver':
      deliver(peer, action.pick);
      return;
    case 'toggle':
      peer.online = !peer.online;
      return;
    case 'undo':
      peer.binding.undo();
      return;
    case 'redo':
      peer.binding.redo();
      return;
    case 'edit': {
      const before = peer.shown;
      const side = `p${action.peer % peers.length}-`;
      const result = action.step.run(before, contextOf(before, at, side));
      if (!result.ok) return;
      // Ids on the edited map that were not on it before: what this edit added.
      for (const id of removedIds(result.value, before)) added.add(id);
      edit(peer, result.value);
    }
  }
}

describe('a room converges', () => {
  it(`after random edits, undos, delays and reconnects on 2–4 devices (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(
        arbMapDocumentV2(6),
        fc.integer({ min: 2, max: 4 }),
        fc.array(arbAction, { maxLength: 40 }),
        fc.nat(),
        (start, count, actions, pick) => {
          const peers = makePeers(start, count);
          const added = new Set<string>();
          actions.forEach((action, i) => run(peers, action, i, added));
          settle(peers, pick);
          const [first, ...others] = peers;
          if (first === undefined) return;
          const view = first.binding.view;
          expect(checkInvariants(view.doc)).toEqual([]);
          const text = exportMapJson(view.doc);
          for (const peer of peers) {
            expect(exportMapJson(peer.shown)).toBe(exportMapJson(peer.binding.view.doc));
          }
          for (const peer of others) {
            expect(exportMapJson(peer.binding.view.doc)).toBe(text);
            expect(peer.binding.view.setAside).toEqual(view.setAside);
          }
          const removed = new Set(peers.flatMap((p) => [...p.removed]));
          const kept = recordIds(view.doc);
          const named = new Set(view.setAside.map((item) => item.id));
          for (const id of added) {
            if (!removed.has(id))
              expect(kept.has(id) || named.has(id), `${id} was lost`).toBe(true);
          }
        },
      ),
      { numRuns: RUNS, seed: SEED },
    );
  }, 600_000);
});
