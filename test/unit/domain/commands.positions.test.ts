import { describe, expect, it } from 'vitest';
import { moveNodes, moveStakeholders } from '../../../src/domain/commands';
import { createDocumentStore } from '../../../src/store/documentStore';
import { expectOk, expectRefusal, g, s, sampleMap } from './commands.fixture';

const dropped = { x: 120, y: -40, pinned: true };

describe('moveStakeholders', () => {
  it('pins a person where they were dropped and hands them back to the people band with null', () => {
    const before = sampleMap();
    const placed = expectOk(moveStakeholders(before, new Map([[s('s2'), dropped]])));
    expect(placed.stakeholders.map((p) => p.position)).toEqual([null, dropped, null]);
    expect(placed.stakeholders[0]).toBe(before.stakeholders[0]);
    expect(placed.goals).toBe(before.goals);
    const released = expectOk(moveStakeholders(placed, new Map([[s('s2'), null]])));
    expect(released.stakeholders[1]?.position).toBeNull();
  });

  it('refuses an unknown person and a place that is not finite, changing nothing', () => {
    expect(expectRefusal(moveStakeholders(sampleMap(), new Map([[s('s9'), dropped]])))).toEqual({
      code: 'not-found',
      record: 'stakeholder',
      id: 's9',
      message: 'There is no stakeholder "s9".',
    });
    const nowhere = { x: Number.NaN, y: 0, pinned: true };
    expect(expectRefusal(moveStakeholders(sampleMap(), new Map([[s('s1'), nowhere]])))).toEqual({
      code: 'invalid',
      field: 'position',
      message: 'A position needs finite coordinates.',
    });
  });
});

describe('moveNodes', () => {
  it('moves goals and people together', () => {
    const after = expectOk(
      moveNodes(sampleMap(), {
        goals: new Map([[g('g3'), { x: 1, y: 2, pinned: true }]]),
        stakeholders: new Map([[s('s3'), dropped]]),
      }),
    );
    expect(after.goals[2]?.position).toEqual({ x: 1, y: 2, pinned: true });
    expect(after.stakeholders[2]?.position).toEqual(dropped);
  });

  it('refuses all of it when one node is unknown', () => {
    const error = expectRefusal(
      moveNodes(sampleMap(), {
        goals: new Map([[g('g3'), { x: 1, y: 2, pinned: true }]]),
        stakeholders: new Map([[s('nobody'), dropped]]),
      }),
    );
    expect(error).toMatchObject({ code: 'not-found', record: 'stakeholder', id: 'nobody' });
  });

  it('is one undo step: undo puts every node back where it was, redo moves them again', () => {
    const store = createDocumentStore({ now: () => '2026-03-03T00:00:00.000Z' });
    const before = sampleMap();
    store.getState().openDocument(before);
    const drag = {
      goals: new Map([[g('g4'), { x: 9, y: 9, pinned: true }]]),
      stakeholders: new Map([
        [s('s1'), dropped],
        [s('s3'), { x: 0, y: 300, pinned: true }],
      ]),
    };
    expect(store.getState().apply((d) => moveNodes(d, drag))).toBeNull();
    expect(store.getState().doc?.stakeholders[0]?.position).toEqual(dropped);
    store.getState().undo();
    expect(store.getState().doc).toBe(before);
    expect(store.temporal.getState().pastStates).toHaveLength(0);
    store.getState().redo();
    expect(store.getState().doc?.stakeholders.map((p) => p.position)).toEqual([
      dropped,
      null,
      { x: 0, y: 300, pinned: true },
    ]);
  });
});
