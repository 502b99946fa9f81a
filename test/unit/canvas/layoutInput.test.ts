import { describe, expect, it } from 'vitest';
import { toLayoutInput } from '../../../src/canvas/layoutInput';
import { moveStakeholders } from '../../../src/domain/commands';
import { createExampleMap } from '../../../src/domain/exampleMap';
import { NODE_SIZE } from '../../../src/domain/layoutTypes';
import type { MapDocument, Position } from '../../../src/domain/model';
import { computeLayout } from '../../../src/layout/layout';
import { stakeholderNodeId } from '../../../src/domain/nodeIds';

const example = createExampleMap('2026-01-01T00:00:00.000Z');

function withPerson(doc: MapDocument, index: number, position: Position): MapDocument {
  const person = doc.stakeholders[index];
  if (!person) throw new Error(`The example has no person #${index}`);
  const moved = moveStakeholders(doc, new Map([[person.id, position]]));
  if (!moved.ok) throw new Error(moved.error.message);
  return moved.value;
}

const overlaps = (a: { x: number; y: number }, b: { x: number; y: number }) =>
  Math.abs(a.x - b.x) < NODE_SIZE.stakeholder.width &&
  Math.abs(a.y - b.y) < NODE_SIZE.stakeholder.height;

describe('toLayoutInput with saved people', () => {
  it('pins a person saved where they were dropped, like a pinned goal', () => {
    const doc = withPerson(example, 1, { x: -900, y: 40, pinned: true });
    const input = toLayoutInput(doc);
    expect(input.stakeholders[1]?.pinned).toEqual({ x: -900, y: 40 });
    expect(input.stakeholders.filter((s) => s.pinned !== null)).toHaveLength(1);
  });

  it('leaves an unpinned saved place to auto layout, as it does for goals', () => {
    const doc = withPerson(example, 1, { x: -900, y: 40, pinned: false });
    expect(toLayoutInput(doc).stakeholders[1]?.pinned).toBeNull();
  });

  it('keeps the person where put and lays the band out as if they were not in it', () => {
    const pin = { x: -900, y: 40 };
    // Priya Natarajan sits first in the example's band: the others close ranks without her.
    const doc = withPerson(example, 3, { ...pin, pinned: true });
    const input = toLayoutInput(doc);
    const laidOut = computeLayout(input);
    const person = stakeholderNodeId(example.stakeholders[3]?.id ?? '');
    expect(laidOut[person]).toEqual(pin);
    const withoutThem = computeLayout({
      ...input,
      stakeholders: input.stakeholders.filter((s) => s.id !== person),
    });
    expect({ ...laidOut, [person]: undefined }).toEqual({ ...withoutThem, [person]: undefined });
  });

  it('moves a band member aside rather than under a person pinned onto their spot', () => {
    const band = computeLayout(toLayoutInput(example));
    const [first, second] = example.stakeholders;
    const firstAt = first && band[stakeholderNodeId(first.id)];
    if (!first || !second || !firstAt) throw new Error('The example has fewer than two people');
    const laidOut = computeLayout(
      toLayoutInput(withPerson(example, 1, { ...firstAt, pinned: true })),
    );
    expect(laidOut[stakeholderNodeId(second.id)]).toEqual(firstAt);
    for (const s of example.stakeholders.filter((p) => p.id !== second.id)) {
      const at = laidOut[stakeholderNodeId(s.id)];
      expect(at && overlaps(at, firstAt), s.name).toBe(false);
    }
  });
});
