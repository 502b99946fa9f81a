import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { largeTitleRooms, TITLE_SPREAD, type TitledBox } from '../../../src/canvas/titleRoom';

/** Boxes in a few rows, side by side without overlapping, as a layout places them. */
const rows: fc.Arbitrary<TitledBox[]> = fc
  .array(
    fc.record({
      row: fc.integer({ min: 0, max: 3 }),
      gap: fc.integer({ min: 0, max: 400 }),
      width: fc.constantFrom(200, 220, 280),
      large: fc.boolean(),
    }),
    { maxLength: 30 },
  )
  .map((specs) => {
    const right = [0, 0, 0, 0];
    return specs.map((s, i) => {
      const x = (right[s.row] ?? 0) + s.gap;
      right[s.row] = x + s.width;
      return { id: `g${i}`, x, y: s.row * 200, width: s.width, height: 80, large: s.large };
    });
  });

describe('largeTitleRooms', () => {
  it('never lets two large titles in a row overlap, nor shrinks one below its box', () => {
    fc.assert(
      fc.property(rows, (boxes) => {
        const rooms = largeTitleRooms(boxes);
        const large = boxes.filter((b) => b.large);
        for (const a of large) {
          const room = rooms.get(a.id) ?? 0;
          expect(room).toBeGreaterThanOrEqual(a.width);
          expect(room).toBeLessThanOrEqual(a.width * TITLE_SPREAD);
          for (const b of large) {
            if (a === b || a.y !== b.y) continue;
            const gap = Math.abs(a.x + a.width / 2 - (b.x + b.width / 2));
            expect(room / 2 + (rooms.get(b.id) ?? 0) / 2).toBeLessThanOrEqual(gap + 1e-9);
          }
        }
      }),
    );
  });

  it('spreads a title with no neighbour over the full width it may take', () => {
    const rooms = largeTitleRooms([
      { id: 'a', x: 0, y: 0, width: 220, height: 80, large: true },
      { id: 'k', x: 240, y: 0, width: 200, height: 100, large: false },
    ]);
    expect(rooms.get('a')).toBe(220 * TITLE_SPREAD);
    expect(rooms.has('k')).toBe(false);
  });
});
