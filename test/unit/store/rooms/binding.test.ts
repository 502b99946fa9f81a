import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { updateGoal } from '../../../../src/domain/commands';
import { createExampleMap } from '../../../../src/domain/exampleMap';
import { asMapId } from '../../../../src/domain/ids';
import type { MapDocument } from '../../../../src/domain/model';
import { createRoomBinding, type RoomBinding } from '../../../../src/store/rooms/binding';

const example = createExampleMap('2026-01-01T00:00:00.000Z');
const [first] = example.goals;

/** Two devices whose Y.Docs pass every update to each other at once, as a relay would. */
function twoDevices(): [RoomBinding, RoomBinding] {
  const [a, b] = [new Y.Doc(), new Y.Doc()];
  a.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'peer') Y.applyUpdate(b, update, 'peer');
  });
  b.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'peer') Y.applyUpdate(a, update, 'peer');
  });
  return [createRoomBinding(a, asMapId('m-a')), createRoomBinding(b, asMapId('m-b'))];
}

function retitled(doc: MapDocument, index: number, title: string): MapDocument {
  const goal = doc.goals[index];
  if (!goal) throw new Error('no such goal');
  const result = updateGoal(doc, goal.id, { title });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const titles = (binding: RoomBinding) => binding.read()?.doc.goals.map((g) => g.title);

describe('room binding', () => {
  it('shows the other device the map under its own id, and each edit both ways', () => {
    const [a, b] = twoDevices();
    a.writeLocal(null, example);
    const onB = b.read()?.doc;
    expect(onB?.map.id).toBe('m-b');
    expect(onB?.goals).toEqual(example.goals);
    if (!onB) return;
    b.writeLocal(onB, retitled(onB, 1, 'Typed on B'));
    expect(titles(a)?.[1]).toBe('Typed on B');
  });

  it('undoes only this device’s own edits, one edit per step', () => {
    const [a, b] = twoDevices();
    a.writeLocal(null, example);
    a.undoManager.clear();
    const onA = retitled(example, 0, 'A1');
    a.writeLocal(example, onA);
    const onB = b.read()?.doc;
    if (!onB) throw new Error('B sees nothing');
    b.writeLocal(onB, retitled(onB, 1, 'B1'));
    expect(b.undoManager.canUndo()).toBe(true);
    a.undoManager.undo();
    expect(titles(a)?.slice(0, 2)).toEqual([first?.title, 'B1']);
    expect(titles(b)?.slice(0, 2)).toEqual([first?.title, 'B1']);
    expect(a.undoManager.canUndo()).toBe(false);
  });
});
