import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitBounds, visibleBounds } from '../../../src/domain/followView';
import { cleanName, parsePresence, type FlowBounds } from '../../../src/domain/presence';

const valid = {
  name: 'Dana',
  color: '#1864AB',
  role: 'participant',
  cursor: { x: 10, y: -20 },
  selection: ['g1', 'g2'],
  view: { x: 0, y: 0, width: 800, height: 600 },
  following: 7,
  laser: false,
  walk: null,
  summon: 0,
};

describe('parsePresence', () => {
  it('reads a well-formed state', () => {
    expect(parsePresence({ presence: valid })).toEqual({ ...valid, color: '#1864ab' });
  });

  it('refuses a state without a name, a #rrggbb colour or a known role', () => {
    expect(parsePresence(null)).toBeNull();
    expect(parsePresence({})).toBeNull();
    expect(parsePresence({ presence: { ...valid, name: '   ' } })).toBeNull();
    expect(parsePresence({ presence: { ...valid, color: 'red;background:url(x)' } })).toBeNull();
    expect(parsePresence({ presence: { ...valid, role: 'admin' } })).toBeNull();
  });

  it('drops malformed fields to nothing instead of trusting them', () => {
    const parsed = parsePresence({
      presence: {
        ...valid,
        cursor: { x: Infinity, y: 0 },
        selection: ['ok', 3, '', 'x'.repeat(500)],
        view: { x: 0, y: 0, width: -5, height: 10 },
        following: 1.5,
      },
    });
    expect(parsed).toMatchObject({ cursor: null, selection: ['ok'], view: null, following: null });
  });

  it('takes the laser, the walk and a summon only from the facilitator', () => {
    const walk = { conflictId: 'c1', parties: ['s1', 's2'], step: 2 };
    const asParticipant = parsePresence({ presence: { ...valid, laser: true, walk, summon: 3 } });
    expect(asParticipant).toMatchObject({ laser: false, walk: null, summon: 0 });
    const asFacilitator = parsePresence({
      presence: { ...valid, role: 'facilitator', laser: true, walk, summon: 3 },
    });
    expect(asFacilitator).toMatchObject({ laser: true, walk, summon: 3 });
  });

  it('never throws and never lets a bad colour or an over-long name through', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.anything(), (name, color, cursor) => {
        const parsed = parsePresence({ presence: { ...valid, name, color, cursor } });
        if (!parsed) return;
        expect(parsed.color).toMatch(/^#[0-9a-f]{6}$/);
        expect(Array.from(parsed.name).length).toBeLessThanOrEqual(40);
        expect(parsed.name).not.toMatch(/\p{Cc}/u);
      }),
    );
  });
});

describe('cleanName', () => {
  it('collapses spaces and control characters and keeps 40 characters', () => {
    expect(cleanName('  Dana\n\tLee ')).toBe('Dana Lee');
    expect(Array.from(cleanName('é'.repeat(100)))).toHaveLength(40);
  });
});

describe('fitBounds', () => {
  const limits = { minZoom: 0.05, maxZoom: 2.5 };
  const inside = (inner: FlowBounds, outer: FlowBounds) =>
    inner.x >= outer.x - 1e-6 &&
    inner.y >= outer.y - 1e-6 &&
    inner.x + inner.width <= outer.x + outer.width + 1e-6 &&
    inner.y + inner.height <= outer.y + outer.height + 1e-6;

  it('fits a wide view on a tall screen by its width, centred', () => {
    const view = fitBounds(
      { x: 0, y: 0, width: 1600, height: 900 },
      { width: 800, height: 1000 },
      limits,
    );
    expect(view.zoom).toBeCloseTo(0.5);
    expect(visibleBounds(view, { width: 800, height: 1000 })).toEqual({
      x: 0,
      y: -550,
      width: 1600,
      height: 2000,
    });
  });

  it('always shows all of the followed bounds, whatever both screens are', () => {
    const size = fc.double({ min: 50, max: 5000, noNaN: true });
    const coord = fc.double({ min: -1e5, max: 1e5, noNaN: true });
    fc.assert(
      fc.property(coord, coord, size, size, size, size, (x, y, width, height, sw, sh) => {
        const bounds = { x, y, width, height };
        const screen = { width: sw, height: sh };
        const view = fitBounds(bounds, screen, { minZoom: 1e-4, maxZoom: 100 });
        expect(inside(bounds, visibleBounds(view, screen))).toBe(true);
      }),
    );
  });
});
