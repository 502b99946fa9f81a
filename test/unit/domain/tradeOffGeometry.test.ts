import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tradeOffEnds, tradeOffPath } from '../../../src/domain/tradeOffGeometry';

const box = (x: number, y: number) => ({ x, y, width: 200, height: 80 });

describe('where a trade-off is drawn', () => {
  it('joins the facing sides of two goals side by side', () => {
    expect(tradeOffEnds(box(0, 0), box(400, 100))).toEqual({
      from: { x: 200, y: 40 },
      fromSide: 'right',
      to: { x: 400, y: 140 },
      toSide: 'left',
    });
    expect(tradeOffEnds(box(400, 100), box(0, 0))).toMatchObject({
      fromSide: 'left',
      toSide: 'right',
    });
  });

  it('bows out beside goals stacked one above the other instead of crossing them', () => {
    const ends = tradeOffEnds(box(0, 0), box(50, 200));
    expect([ends.fromSide, ends.toSide]).toEqual(['right', 'right']);
    const { d, middle } = tradeOffPath(ends);
    expect(d).toBe('M200,40 C260,40 310,240 250,240');
    expect(middle.x).toBeGreaterThan(250);
  });

  it('always starts and ends at the middle of a side, never at the top or bottom', () => {
    const coord = fc.integer({ min: -5000, max: 5000 });
    fc.assert(
      fc.property(coord, coord, coord, coord, (ax, ay, bx, by) => {
        const [a, b] = [box(ax, ay), box(bx, by)];
        const { from, to } = tradeOffEnds(a, b);
        expect(from.y).toBe(a.y + a.height / 2);
        expect(to.y).toBe(b.y + b.height / 2);
        expect([a.x, a.x + a.width]).toContain(from.x);
        expect([b.x, b.x + b.width]).toContain(to.x);
      }),
    );
  });
});
