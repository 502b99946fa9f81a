import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Action } from '../../../src/ui/actions/action';
import { EDITOR_ACTIONS } from '../../../src/ui/actions/editorActions';
import { describeKeys, keyText, matchesKey, type KeyPress } from '../../../src/ui/actions/keys';
import { rankActions } from '../../../src/ui/actions/rankActions';

const press = (key: string, mods: Partial<Omit<KeyPress, 'key'>> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  ...mods,
});

/** The one action the editor runs for a key press, as its keyboard handler picks it. */
const actionFor = (p: KeyPress): string | undefined =>
  EDITOR_ACTIONS.find((a) => a.keys?.some((k) => matchesKey(k, p)))?.id;

describe('the editor’s keys, read from the action table', () => {
  it('tells undo from redo by Shift, on Ctrl and on ⌘', () => {
    expect(actionFor(press('z', { ctrlKey: true }))).toBe('undo');
    expect(actionFor(press('z', { metaKey: true }))).toBe('undo');
    expect(actionFor(press('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo');
    expect(actionFor(press('y', { metaKey: true }))).toBe('redo');
  });

  it('leaves Ctrl+letter to the browser unless an action claims it', () => {
    expect(actionFor(press('g'))).toBe('add-goal');
    expect(actionFor(press('g', { ctrlKey: true }))).toBeUndefined();
    expect(actionFor(press('k', { ctrlKey: true }))).toBe('palette');
    expect(actionFor(press('k'))).toBeUndefined();
  });

  it('takes ? however the layout types it', () => {
    expect(actionFor(press('?', { shiftKey: true }))).toBe('shortcuts');
    expect(actionFor(press('?'))).toBe('shortcuts');
  });

  it('gives no key press to two actions', () => {
    const bindings = EDITOR_ACTIONS.flatMap((a) => (a.keys ?? []).map((k) => ({ id: a.id, k })));
    fc.assert(
      fc.property(
        fc.constantFrom(...bindings),
        fc.boolean(),
        fc.boolean(),
        ({ k }, useMeta, shift) => {
          const p = press(k.key, {
            ctrlKey: k.mod === true && !useMeta,
            metaKey: k.mod === true && useMeta,
            shiftKey: k.shift ?? shift,
          });
          const claiming = EDITOR_ACTIONS.filter((a) => a.keys?.some((b) => matchesKey(b, p)));
          expect(claiming).toHaveLength(1);
        },
      ),
    );
  });

  it('has one id per action', () => {
    const ids = EDITOR_ACTIONS.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('prints keys as the ? dialog shows them', () => {
    expect(keyText({ key: 'z', mod: true, shift: true })).toBe('Ctrl/⌘ + Shift + Z');
    expect(describeKeys([{ key: 'Delete' }, { key: 'Backspace' }])).toBe('Delete or Backspace');
    expect(describeKeys([{ key: 'ArrowRight' }, { key: ' ' }])).toBe('→ or Space');
    expect(keyText({ key: 'Escape' })).toBe('Esc');
  });
});

describe('rankActions (the command palette’s list)', () => {
  const labels = (query: string) => rankActions(EDITOR_ACTIONS, query).map((a) => a.label);

  it('lists every action, in table order, before anything is typed', () => {
    expect(labels('  ')).toEqual(EDITOR_ACTIONS.map((a) => a.label));
  });

  it('puts the label that starts with the text first', () => {
    expect(labels('auto')[0]).toBe('Auto layout');
    expect(labels('Undo')[0]).toBe('Undo');
    expect(labels('lay')[0]).toBe('Auto layout');
  });

  it('finds an action by its longer words, after every label match', () => {
    const actions: Action<null>[] = [
      {
        id: 'a',
        label: 'Fit view',
        description: 'Fit the map to the screen',
        run: () => undefined,
      },
      { id: 'b', label: 'Maps', run: () => undefined },
    ];
    expect(rankActions(actions, 'map').map((a) => a.id)).toEqual(['b', 'a']);
    expect(rankActions(actions, 'screen').map((a) => a.id)).toEqual(['a']);
    expect(rankActions(actions, 'nothing like it')).toEqual([]);
  });
});
