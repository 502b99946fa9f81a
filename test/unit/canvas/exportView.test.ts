import { describe, expect, it } from 'vitest';
import { visibleRegion } from '../../../src/canvas/exportView';

describe('visibleRegion', () => {
  it('turns the viewport transform into the flow rectangle on screen', () => {
    // screen = flow × zoom + translate: the pane's corner (0, 0) shows flow (100, -50).
    expect(visibleRegion([-40, 20, 0.4], 940, 670)).toEqual({
      x: 100,
      y: -50,
      width: 2350,
      height: 1675,
    });
  });

  it('is null while the canvas has no size or zoom yet', () => {
    expect(visibleRegion([0, 0, 1], 0, 600)).toBe(null);
    expect(visibleRegion([0, 0, 0], 800, 600)).toBe(null);
  });
});
