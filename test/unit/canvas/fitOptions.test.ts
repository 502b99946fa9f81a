import { describe, expect, it } from 'vitest';
import {
  boundsOfBoxes,
  OPENING_MIN_ZOOM,
  openingViewport,
  openingViewportIn,
} from '../../../src/canvas/fitOptions';

const screen = { width: 1280, height: 720 };
/** The flow rectangle a viewport shows: screen = flow × zoom + translate. */
const shown = (v: { x: number; y: number; zoom: number }) => ({
  left: -v.x / v.zoom,
  top: -v.y / v.zoom,
  right: (screen.width - v.x) / v.zoom,
  bottom: (screen.height - v.y) / v.zoom,
});

describe('openingViewport', () => {
  it('shows the whole map, centred, when it fits at a readable zoom', () => {
    const map = { x: 0, y: 0, width: 2000, height: 1400 };
    const v = openingViewport(map, { x: 860, y: 0, width: 280, height: 84 }, screen);
    expect(v.zoom).toBeGreaterThanOrEqual(OPENING_MIN_ZOOM);
    const s = shown(v);
    expect(s.left).toBeLessThanOrEqual(0);
    expect(s.top).toBeLessThanOrEqual(0);
    expect(s.right).toBeGreaterThanOrEqual(2000);
    expect(s.bottom).toBeGreaterThanOrEqual(1400);
    expect((s.left + s.right) / 2).toBeCloseTo(1000);
  });

  it('never zooms a small map in beyond life size', () => {
    const v = openingViewport(
      { x: 0, y: 0, width: 300, height: 100 },
      { x: 0, y: 0, width: 300, height: 100 },
      screen,
    );
    expect(v.zoom).toBe(1);
  });

  it('shows the top of a map too large to read whole, centred on its top row', () => {
    const map = { x: 0, y: 0, width: 14_200, height: 10_400 };
    const top = { x: 7000, y: 0, width: 280, height: 84 };
    const v = openingViewport(map, top, screen);
    expect(v.zoom).toBe(OPENING_MIN_ZOOM);
    const s = shown(v);
    expect((s.left + s.right) / 2).toBeCloseTo(7140);
    expect(s.top).toBeLessThanOrEqual(0);
    expect(s.top).toBeGreaterThan(-600);
  });

  it('keeps the map on screen when its top row sits near an edge', () => {
    const map = { x: 0, y: 0, width: 14_200, height: 10_400 };
    const v = openingViewport(map, { x: 0, y: 0, width: 280, height: 84 }, screen);
    const s = shown(v);
    expect(s.left).toBeLessThanOrEqual(0);
    expect(s.left).toBeGreaterThan(-300);
  });
});

describe('boundsOfBoxes', () => {
  it('is the smallest rectangle around the boxes, or null for none', () => {
    expect(boundsOfBoxes([])).toBeNull();
    expect(
      boundsOfBoxes([
        { x: 10, y: 20, width: 100, height: 50 },
        { x: -5, y: 40, width: 20, height: 100 },
      ]),
    ).toEqual({ x: -5, y: 20, width: 115, height: 120 });
  });
});

describe('openingViewportIn', () => {
  it('shows the left of a left-to-right map too large to read whole, centred on its first column', () => {
    const map = { x: 0, y: 0, width: 10_400, height: 14_200 };
    const mission = { x: 0, y: 7000, width: 280, height: 84 };
    const v = openingViewportIn('leftRight', map, mission, screen);
    expect(v.zoom).toBe(OPENING_MIN_ZOOM);
    const s = shown(v);
    expect((s.top + s.bottom) / 2).toBeCloseTo(mission.y + mission.height / 2);
    expect(s.left).toBeLessThanOrEqual(0);
    expect(s.right).toBeGreaterThan(mission.width);
  });

  it('is the plain opening view for a top-down map', () => {
    const map = { x: 0, y: 0, width: 2000, height: 1400 };
    const top = { x: 860, y: 0, width: 280, height: 84 };
    expect(openingViewportIn('topDown', map, top, screen)).toEqual(
      openingViewport(map, top, screen),
    );
  });
});
