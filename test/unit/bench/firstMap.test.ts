import { describe, expect, it } from 'vitest';
import { CEILING_KB, overBudget } from '../../bench/budget';
import { firstMapChunkOf } from '../../bench/firstMap';

describe('the chunks the first map waits on (counted against the budget beside the first screen)', () => {
  it('are told from the rest by their built file names, as files or as URL paths', () => {
    expect(firstMapChunkOf('assets/stored-map-reader-WFI8m8gB.js')?.visits).toBe('return');
    expect(firstMapChunkOf('assets/database-2j0NzttW.js')?.visits).toBe('return');
    expect(firstMapChunkOf('/assets/layout.worker-BWMb_cX8.js')?.visits).toBe('every');
    expect(firstMapChunkOf('assets/exampleMap-CumPfdab.js')?.visits).toBe('first');
    for (const other of [
      'assets/session-WbgE9t--.js',
      'assets/exampleMapView-CumPfdab.js',
      'assets/layoutXworker-BWMb_cX8.js',
      'assets/stored-map-reader-WFI8m8gB.css',
    ]) {
      expect(firstMapChunkOf(other)).toBeUndefined();
    }
  });

  it('fail the guard when one of them grows past the ceiling, and are named', () => {
    const KB = 1024;
    const firstScreen = { name: 'assets/index-Go4zsCmm.js', gzip: 190 * KB };
    const reader = (kb: number) => ({
      name: 'assets/stored-map-reader-WFI8m8gB.js',
      gzip: kb * KB,
    });
    const room = CEILING_KB - 190;
    expect(overBudget([firstScreen, reader(room)], [], [], CEILING_KB)).toBeNull();
    expect(overBudget([firstScreen, reader(room + 1)], [], [], CEILING_KB)).toContain(
      `assets/stored-map-reader-WFI8m8gB.js ${(room + 1).toFixed(1)} KB`,
    );
  });
});
