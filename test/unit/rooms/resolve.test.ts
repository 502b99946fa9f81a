import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addIncentive,
  removeGoal,
  removeStakeholder,
  updateConflict,
  updateGoal,
} from '../../../src/domain/commands';
import { createExampleMap } from '../../../src/domain/exampleMap';
import { asConflictId, asGoalId, asIncentiveId, asStakeholderId } from '../../../src/domain/ids';
import type { MapDocument } from '../../../src/domain/model';
import type { Resolution, SetAsideItem } from '../../../src/domain/repair';
import { apart, expectSame, expectUndoable, only, record, settle } from './peers';

/*
 * Every one-click resolution of a set-aside item, settled on one device: every device ends with
 * the same map and nothing left set aside, and undo brings the item back everywhere.
 */

const start: MapDocument = createExampleMap('2026-01-01T00:00:00.000Z');
const person = asStakeholderId;
const conflict = asConflictId;

function resolution(item: SetAsideItem, action: Resolution['action']): Resolution {
  const found = item.resolutions.find((r) => r.action === action);
  if (!found) throw new Error(`no ${action} for ${item.message}`);
  return found;
}

/** A: Sam is removed. B, at once: Sam owns "Grow ARR". */
const ownerRemoved = () =>
  apart(
    start,
    (doc) => removeStakeholder(doc, person('s-head-cs')),
    (doc) => updateGoal(doc, asGoalId('g-grow-arr'), { owner: person('s-head-cs') }),
  );

describe('settling set-aside items in a room', () => {
  it('an owner removed elsewhere: "Leave it without an owner" on every device, undoable', () => {
    const [a, b] = ownerRemoved();
    const item = only(a);
    expect(item).toMatchObject({ list: 'goals', id: 'g-grow-arr', cause: 'missing-reference' });
    expect(b.binding.resolve(item, resolution(item, 'keep-repaired'))).toBe(true);
    settle([a, b], 0);
    expect(a.binding.view.setAside).toEqual([]);
    expect(record(a, 'goals', 'g-grow-arr').get('owner')).toBeNull();
    expectSame(a, b);
    expectUndoable(b, a, item);
  });

  it('an owner removed elsewhere: "Choose an owner" attaches the goal to the person chosen', () => {
    const [a, b] = ownerRemoved();
    const item = only(b);
    const choose = resolution(item, 'reattach');
    expect(a.binding.resolve(item, choose, 's-not-on-the-map')).toBe(false);
    expect(a.binding.resolve(item, choose)).toBe(false);
    expect(a.binding.resolve(item, choose, 's-cto')).toBe(true);
    settle([a, b], 0);
    expect(b.shown.goals.find((g) => g.id === 'g-grow-arr')?.owner).toBe('s-cto');
    expect(b.binding.view.setAside).toEqual([]);
    expectSame(a, b);
    expectUndoable(a, b, item);
  });

  it('a party removed elsewhere: "Take them off the parties" drops them and their text', () => {
    const [a, b] = apart(
      start,
      (doc) => removeStakeholder(doc, person('s-cto')),
      (doc) =>
        updateConflict(doc, conflict('c-discounting'), {
          parties: [person('s-vp-sales'), person('s-cfo'), person('s-cto')],
          perspectives: { [person('s-cto')]: 'Jonas typed this.' },
        }),
    );
    const item = only(a);
    expect(item).toMatchObject({ list: 'conflicts', id: 'c-discounting', involves: ['s-cto'] });
    expect(a.binding.resolve(item, resolution(item, 'keep-repaired'))).toBe(true);
    settle([a, b], 0);
    const stored = record(b, 'conflicts', 'c-discounting');
    expect(stored.get('parties')).toEqual(['s-vp-sales', 's-cfo']);
    expect(stored.get('perspectives')).toBeInstanceOf(Y.Map);
    expect(record(b, 'conflicts', 'c-discounting').toJSON().perspectives).not.toHaveProperty(
      's-cto',
    );
    expect(b.binding.view.setAside).toEqual([]);
    expectSame(a, b);
    expectUndoable(a, b, item);
  });

  it('text typed for someone taken off the parties elsewhere: "Discard the text", undoable', () => {
    const [a, b] = apart(
      start,
      (doc) =>
        updateConflict(doc, conflict('c-enterprise-sso'), {
          perspectives: { [person('s-cto')]: 'Typed while being taken off.' },
        }),
      (doc) =>
        updateConflict(doc, conflict('c-enterprise-sso'), {
          parties: [person('s-vp-sales'), person('s-head-product')],
        }),
    );
    const item = only(b);
    expect(item).toMatchObject({ cause: 'detached-text', involves: ['s-cto'] });
    expect(item.message).toContain('Typed while being taken off.');
    expect(b.binding.resolve(item, resolution(item, 'keep-repaired'))).toBe(true);
    settle([a, b], 0);
    expect(a.binding.view.setAside).toEqual([]);
    expectSame(a, b);
    expectUndoable(b, a, item);
  });

  it('an agreed goal deleted elsewhere: left without one, or another goal chosen', () => {
    const deleted = () =>
      apart(
        start,
        (doc) => removeGoal(doc, asGoalId('g-retain')),
        (doc) =>
          updateConflict(doc, conflict('c-discounting'), { agreedGoalId: asGoalId('g-retain') }),
      );
    const [a, b] = deleted();
    const item = only(a);
    expect(a.binding.resolve(item, resolution(item, 'keep-repaired'))).toBe(true);
    settle([a, b], 0);
    expect(record(b, 'conflicts', 'c-discounting').get('agreedGoalId')).toBeNull();
    expectSame(a, b);
    expectUndoable(a, b, item);

    const [c, d] = deleted();
    expect(d.binding.resolve(item, resolution(item, 'reattach'), 'g-profit')).toBe(true);
    settle([c, d], 0);
    expect(c.shown.conflicts.find((x) => x.id === 'c-discounting')?.agreedGoalId).toBe('g-profit');
    expect(c.binding.view.setAside).toEqual([]);
    expectSame(c, d);
  });

  it('an incentive added on a goal deleted elsewhere: attached to another goal everywhere', () => {
    const added = asIncentiveId('i-added-on-b');
    const [a, b] = apart(
      start,
      (doc) => removeGoal(doc, asGoalId('g-retain')),
      (doc) =>
        addIncentive(doc, {
          id: added,
          stakeholderId: person('s-cto'),
          goalId: asGoalId('g-retain'),
          kind: 'measured',
          note: 'Added while the goal was deleted.',
        }),
    );
    const item = only(a);
    expect(item).toMatchObject({ list: 'incentives', id: added });
    expect(a.binding.resolve(item, resolution(item, 'reattach'), 'g-mission')).toBe(true);
    settle([a, b], 0);
    expect(b.shown.incentives.find((i) => i.id === added)).toMatchObject({
      goalId: 'g-mission',
      note: 'Added while the goal was deleted.',
    });
    expect(b.binding.view.setAside).toEqual([]);
    expectSame(a, b);
    expectUndoable(a, b, item);
  });
});
