import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  removeGoal,
  updateConflict,
  updateGoal,
  updateIncentive,
} from '../../../src/domain/commands';
import { createExampleMap } from '../../../src/domain/exampleMap';
import { asConflictId, asGoalId, asIncentiveId, asStakeholderId } from '../../../src/domain/ids';
import type { MapDocument } from '../../../src/domain/model';
import type { Resolution, SetAsideItem } from '../../../src/domain/repair';
import { exportMapJson } from '../../../src/io/json';
import { readMapDocument } from '../../../src/rooms/readRoom';
import { isDeleted, listMap } from '../../../src/rooms/roomShape';
import { writeMapDocument } from '../../../src/rooms/writeRoom';
import {
  apart,
  edit,
  expectSame,
  expectUndoable,
  makePeers,
  must,
  only,
  record,
  settle,
  type Peer,
} from './peers';

/*
 * A record deleted on one device while another changes it: the change is never dropped unnamed.
 * The record stays in the room's document marked deleted; the change, which the delete did not
 * see, sets it aside by name on every device, and either resolution settles it everywhere.
 */

const start: MapDocument = createExampleMap('2026-01-01T00:00:00.000Z');
const nrr = asGoalId('g-nrr');
const samOnNrr = asIncentiveId('i-head-cs-nrr');

function resolution(item: SetAsideItem, label: string): Resolution {
  const found = item.resolutions.find((r) => r.label === label);
  if (!found) throw new Error(`no "${label}" for ${item.message}`);
  return found;
}

/** A deletes "Net revenue retention" (and Sam's incentive on it); B changes that incentive. */
const weightChangedWhileDeleted = () =>
  apart(
    start,
    (doc) => removeGoal(doc, nrr),
    (doc) => updateIncentive(doc, samOnNrr, { weight: 0.9 }),
  );

const incentiveOf = (peer: Peer) => peer.shown.incentives.find((i) => i.id === samOnNrr);

describe('a record deleted on one device while another changed it', () => {
  it('is set aside by name on every device, not dropped', () => {
    const [a, b] = weightChangedWhileDeleted();
    const item = only(a);
    expect(item).toMatchObject({
      list: 'incentives',
      id: samOnNrr,
      cause: 'deleted-while-edited',
      message:
        'Sam Fischer\'s incentive on "Net revenue retention" was deleted on one device while another changed its weight.',
    });
    expect(item.resolutions.map((r) => r.label)).toEqual(['Remove it', 'Keep it with the edit']);
    expect(incentiveOf(a)).toBeUndefined();
    expect(a.shown.goals.some((g) => g.id === nrr)).toBe(false);
    expectSame(a, b);
  });

  it('"Keep it with the edit" brings it back with the edit everywhere, undoable', () => {
    const [a, b] = weightChangedWhileDeleted();
    const item = only(b);
    expect(a.binding.resolve(item, resolution(item, 'Keep it with the edit'))).toBe(true);
    settle([a, b], 0);
    // Its goal stays deleted, so the repair now asks where the incentive belongs.
    const [orphan, ...none] = b.binding.view.setAside;
    expect(none).toEqual([]);
    expect(orphan).toMatchObject({ id: samOnNrr, cause: 'missing-reference' });
    expect(record(b, 'incentives', samOnNrr).get('weight')).toBe(0.9);
    expect(isDeleted(record(b, 'incentives', samOnNrr))).toBe(false);
    expectSame(a, b);
    if (!orphan) return;
    expect(
      b.binding.resolve(orphan, resolution(orphan, 'Attach it to another goal'), 'g-retain'),
    ).toBe(true);
    settle([a, b], 0);
    expect(incentiveOf(a)).toMatchObject({ goalId: 'g-retain', weight: 0.9 });
    expect(a.binding.view.setAside).toEqual([]);

    expect(b.binding.undo()).toBe(true);
    expect(a.binding.undo()).toBe(true);
    settle([a, b], 0);
    // Undo writes the old goal back as a new entry, which the delete did not see either.
    expect(only(b)).toMatchObject({ id: samOnNrr, cause: 'deleted-while-edited' });
    expect(incentiveOf(b)).toBeUndefined();
    expectSame(a, b);
    expect(a.binding.redo()).toBe(true);
    settle([a, b], 0);
    expect(b.binding.view.setAside).toEqual([orphan]);
    expectSame(a, b);
  });

  it('"Remove it" deletes it for good everywhere, undoable', () => {
    const [a, b] = weightChangedWhileDeleted();
    const item = only(a);
    expect(b.binding.resolve(item, resolution(item, 'Keep it with the edit'))).toBe(true);
    expect(b.binding.undo()).toBe(true);
    expect(b.binding.resolve(item, resolution(item, 'Remove it'))).toBe(true);
    settle([a, b], 0);
    expect(a.binding.view.setAside).toEqual([]);
    expect(incentiveOf(a)).toBeUndefined();
    expectSame(a, b);
    // Settled: a second click, on either device, writes nothing.
    expect(a.binding.resolve(item, resolution(item, 'Remove it'))).toBe(false);
    expectUndoable(b, a, item);
  });

  it('names a goal by the title it was given, and a perspective by its party', () => {
    const [a, b] = apart(
      start,
      (doc) => removeGoal(doc, nrr),
      (doc) => updateGoal(doc, nrr, { title: 'NRR, renamed', description: 'Changed too.' }),
    );
    expect(only(a).message).toBe(
      'The goal "NRR, renamed" was deleted on one device while another changed its description and its title.',
    );
    expectSame(a, b);
    const conflict = asConflictId('c-discounting');
    const [c, d] = apart(
      start,
      (doc) => ({
        ok: true,
        value: { ...doc, conflicts: doc.conflicts.filter((x) => x.id !== conflict) },
      }),
      (doc) =>
        updateConflict(doc, conflict, {
          perspectives: { [asStakeholderId('s-cfo')]: 'Typed while it was deleted.' },
        }),
    );
    expect(only(c)).toMatchObject({
      message:
        'The conflict "Discounting at quarter end" was deleted on one device while another changed Tom Okafor\'s perspective.',
      involves: ['s-cfo'],
    });
    const keep = only(d);
    expect(d.binding.resolve(keep, resolution(keep, 'Keep it with the edit'))).toBe(true);
    settle([c, d], 0);
    expect(c.shown.conflicts.find((x) => x.id === conflict)?.perspectives['s-cfo']).toBe(
      'Typed while it was deleted.',
    );
    expectSame(c, d);
  });

  it('undo of a delete brings back the record and what went with it, in one step', () => {
    const [a, b] = makePeers(start, 2);
    if (!a || !b) throw new Error('two peers');
    const deleted = must(removeGoal(a.shown, nrr));
    edit(a, deleted);
    settle([a, b], 0);
    expect(incentiveOf(b)).toBeUndefined();
    expect(a.binding.undo()).toBe(true);
    settle([a, b], 0);
    expect(exportMapJson(b.shown)).toBe(exportMapJson(start));
    expect(b.binding.view.setAside).toEqual([]);
    expect(a.binding.canUndo()).toBe(false);
    expect(a.binding.redo()).toBe(true);
    settle([a, b], 0);
    expect(exportMapJson(b.shown)).toBe(exportMapJson(deleted));
  });

  it('a device joining later reads the same file as the map without the deleted records', () => {
    const [a] = makePeers(start, 1);
    if (!a) throw new Error('a peer');
    edit(a, must(removeGoal(a.shown, nrr)));
    const joined = new Y.Doc();
    Y.applyUpdate(joined, Y.encodeStateAsUpdate(a.ydoc));
    const { doc, setAside } = readMapDocument(joined, start.map);
    expect(setAside).toEqual([]);
    expect(exportMapJson(doc)).toBe(exportMapJson(must(removeGoal(start, nrr))));
  });

  it('deleted on two devices at once and undone on one: it stays deleted', () => {
    const [a, b] = apart(
      start,
      (doc) => removeGoal(doc, nrr),
      (doc) => removeGoal(doc, nrr),
    );
    expect(a.binding.view.setAside).toEqual([]);
    expect(a.binding.undo()).toBe(true);
    settle([a, b], 0);
    expect(a.shown.goals.some((g) => g.id === nrr)).toBe(false);
    expect(a.binding.view.setAside).toEqual([]);
    expectSame(a, b);
  });

  it('a room written before records were kept deleted still reads: removed is gone', () => {
    const ydoc = new Y.Doc();
    writeMapDocument(ydoc, start);
    listMap(ydoc, 'goals').delete(nrr);
    listMap(ydoc, 'incentives').delete(samOnNrr);
    const { doc, setAside } = readMapDocument(ydoc, start.map);
    expect(doc.goals.some((g) => g.id === nrr)).toBe(false);
    expect(doc.incentives.some((i) => i.id === samOnNrr)).toBe(false);
    // Its links went with it in no update: the repair names them, as it always did.
    expect(setAside.every((item) => item.cause === 'missing-reference')).toBe(true);
  });
});
