import { describe, expect, it } from 'vitest';
import { updateGoal, linkGoals } from '../../../src/domain/commands';
import { asGoalId, asLinkId } from '../../../src/domain/ids';
import type { MapDocument } from '../../../src/domain/model';
import { exportMapJson } from '../../../src/io/json';
import { isDeleted } from '../../../src/rooms/roomShape';
import { bigMap } from '../../bench/json';
import { edit, makePeers, record, settle, type Peer } from './peers';

const start: MapDocument = bigMap(8);
const g = asGoalId;

function must(result: ReturnType<typeof updateGoal>): MapDocument {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** Two peers that each add one half of a loop at once, then hear from each other. */
function closeCycleAtOnce(): [Peer, Peer] {
  const [a, b] = makePeers(start, 2);
  if (!a || !b) throw new Error('two peers');
  // g4 contributes to g1 in the bench map; each device adds one half of a loop g1 ⇄ g4 via g7.
  edit(a, must(linkGoals(a.shown, g('g1'), g('g7'), asLinkId('z-from-a'))));
  edit(b, must(linkGoals(b.shown, g('g7'), g('g4'), asLinkId('y-from-b'))));
  settle([a, b], 0);
  return [a, b];
}

describe('a room binding', () => {
  it("shows another device's edit, field by field", () => {
    const [a, b] = makePeers(start, 2);
    if (!a || !b) throw new Error('two peers');
    edit(a, must(updateGoal(a.shown, g('g1'), { title: 'Title from A' })));
    edit(b, must(updateGoal(b.shown, g('g1'), { description: 'Description from B' })));
    settle([a, b], 0);
    for (const peer of [a, b]) {
      expect(peer.shown.goals[1]).toMatchObject({
        title: 'Title from A',
        description: 'Description from B',
      });
    }
  });

  it('undo reverts only your own edit: B’s edit stays', () => {
    const [a, b] = makePeers(start, 2);
    if (!a || !b) throw new Error('two peers');
    edit(a, must(updateGoal(a.shown, g('g2'), { title: 'A was here' })));
    settle([a, b], 0);
    edit(b, must(updateGoal(b.shown, g('g3'), { title: 'B was here' })));
    settle([a, b], 0);
    expect(a.binding.undo()).toBe(true);
    settle([a, b], 0);
    for (const peer of [a, b]) {
      expect(peer.shown.goals[2]?.title).toBe(start.goals[2]?.title);
      expect(peer.shown.goals[3]?.title).toBe('B was here');
    }
    expect(a.binding.undo()).toBe(false);
    expect(a.binding.redo()).toBe(true);
    settle([a, b], 0);
    expect(b.shown.goals[2]?.title).toBe('A was here');
  });

  it('two links added at once that close a cycle: both devices set aside the same one', () => {
    const [a, b] = closeCycleAtOnce();
    expect(a.binding.view.setAside.map((i) => [i.id, i.cause])).toEqual([['z-from-a', 'cycle']]);
    expect(exportMapJson(a.shown)).toBe(exportMapJson(b.shown));
    expect(b.binding.view.setAside).toEqual(a.binding.view.setAside);
  });

  it('resolving a set-aside link removes it on every device, as one undoable edit', () => {
    const [a, b] = closeCycleAtOnce();
    const [item] = b.binding.view.setAside;
    const remove = item?.resolutions.find((r) => r.action === 'remove');
    if (!item || !remove) throw new Error('a set-aside link with a remove resolution');
    expect(b.binding.resolve(item, { action: 'keep-repaired', label: 'Keep' })).toBe(false);
    expect(b.binding.resolve(item, remove)).toBe(true);
    settle([a, b], 0);
    for (const peer of [a, b]) {
      expect(peer.binding.view.setAside).toEqual([]);
      expect(peer.shown.links.some((l) => l.id === 'z-from-a')).toBe(false);
      expect(isDeleted(record(peer, 'links', 'z-from-a'))).toBe(true);
    }
    expect(exportMapJson(a.shown)).toBe(exportMapJson(b.shown));
    expect(b.binding.undo()).toBe(true);
    settle([a, b], 0);
    expect(a.binding.view.setAside.map((i) => i.id)).toEqual(['z-from-a']);
  });
});
