import { describe, expect, it } from 'vitest';
import { createEmptyMap, newGoal } from '../../../src/domain/factories';
import { asGoalId, asMapId } from '../../../src/domain/ids';
import type { MapDocument } from '../../../src/domain/model';
import { err, ok } from '../../../src/domain/result';
import {
  createDocumentStore,
  HISTORY_LIMIT,
  selectCanRedo,
  selectCanUndo,
  type Command,
} from '../../../src/store/documentStore';

const CREATED = '2026-01-01T00:00:00.000Z';
const EDITED = '2026-02-02T12:00:00.000Z';

// Tiny pure commands, so these tests do not depend on the domain's command set.
const addGoal =
  (title: string): Command<never> =>
  (doc) =>
    ok({ ...doc, goals: [...doc.goals, newGoal({ id: asGoalId(title), title })] });
const refuse: Command<string> = () => err('refused');
const rebuildUnchanged: Command<never> = (doc) => ok({ ...doc, goals: [...doc.goals] });

function setup(doc: MapDocument = createEmptyMap('Acme', CREATED, asMapId('m1'))) {
  const store = createDocumentStore({ now: () => EDITED });
  store.getState().openDocument(doc);
  const titles = () => store.getState().doc?.goals.map((g) => g.title);
  const canUndo = () => selectCanUndo(store.temporal.getState());
  const canRedo = () => selectCanRedo(store.temporal.getState());
  return { store, state: () => store.getState(), titles, canUndo, canRedo };
}

describe('document store', () => {
  it('applies a command, stamps updatedAt, and undoes and redoes it', () => {
    const { state, titles, canUndo, canRedo } = setup();
    expect(canUndo()).toBe(false);

    expect(state().apply(addGoal('Grow'))).toBeNull();
    expect(titles()).toEqual(['Grow']);
    expect(state().doc?.map.updatedAt).toBe(EDITED);
    expect(canUndo()).toBe(true);

    state().apply(addGoal('Retain'));
    state().undo();
    expect(titles()).toEqual(['Grow']);
    state().undo();
    expect(titles()).toEqual([]);
    expect(state().doc?.map.updatedAt).toBe(CREATED);
    expect(canUndo()).toBe(false);
    expect(canRedo()).toBe(true);

    state().redo();
    state().redo();
    expect(titles()).toEqual(['Grow', 'Retain']);
    expect(canRedo()).toBe(false);
  });

  it('a new edit after undo discards the redo steps', () => {
    const { state, titles, canRedo } = setup();
    state().apply(addGoal('Grow'));
    state().undo();
    state().apply(addGoal('Retain'));
    expect(canRedo()).toBe(false);
    expect(titles()).toEqual(['Retain']);
  });

  it('a refused command returns its error and leaves document and history untouched', () => {
    const { store, state } = setup();
    state().apply(addGoal('Grow'));
    const before = state().doc;
    const pastBefore = store.temporal.getState().pastStates.length;

    expect(state().apply(refuse)).toBe('refused');
    expect(state().doc).toBe(before);
    expect(store.temporal.getState().pastStates).toHaveLength(pastBefore);
  });

  it('a command that changes nothing adds no undo step and keeps the document as it was', () => {
    const { state, canUndo } = setup();
    const before = state().doc;
    expect(state().apply(rebuildUnchanged)).toBeNull();
    expect(state().doc).toBe(before);
    expect(canUndo()).toBe(false);
  });

  it('openDocument replaces the document and clears history', () => {
    const { state, canUndo, canRedo, titles } = setup();
    state().apply(addGoal('Grow'));
    state().apply(addGoal('Retain'));
    state().undo();
    state().openDocument(createEmptyMap('Other', CREATED, asMapId('m2')));
    expect(state().doc?.map.name).toBe('Other');
    expect(titles()).toEqual([]);
    expect(canUndo()).toBe(false);
    expect(canRedo()).toBe(false);
  });

  it('keeps at most the history limit of steps', () => {
    const { store, state } = setup();
    for (let i = 0; i < HISTORY_LIMIT + 10; i++) state().apply(addGoal(`g${i}`));
    expect(store.temporal.getState().pastStates).toHaveLength(HISTORY_LIMIT);
  });

  it('refuses to edit when no map is open', () => {
    const store = createDocumentStore();
    expect(() => store.getState().apply(addGoal('Grow'))).toThrow(/No map is open/);
  });
});
