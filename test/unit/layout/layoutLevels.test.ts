import { describe, expect, it } from 'vitest';
import type { LayoutInput } from '../../../src/domain/layoutTypes';
import { computeLayout } from '../../../src/layout/layout';

const box = (id: string) => ({ id, width: 200, height: 80, pinned: null });

/**
 * o2 is an objective held by two people who also hold a KPI two levels further down; ranking by
 * shortest edges (dagre's default) would pull o2 down towards them, off the objectives' row.
 */
const tree: LayoutInput = {
  goals: ['mission', 'o1', 'o2', 'k1', 'd1'].map(box),
  stakeholders: [box('s1'), box('s2')],
  links: [
    { from: 'o1', to: 'mission' },
    { from: 'o2', to: 'mission' },
    { from: 'k1', to: 'o1' },
    { from: 'd1', to: 'k1' },
  ],
  incentives: ['s1', 's2'].flatMap((s) => [
    { stakeholderId: s, goalId: 'o2' },
    { stakeholderId: s, goalId: 'd1' },
  ]),
};

describe('computeLayout levels', () => {
  it('draws each goal on the row of its depth, whatever its incentives pull', () => {
    const p = computeLayout(tree);
    const y = (id: string) => p[id]?.y ?? Number.NaN;
    expect(y('o2')).toBe(y('o1'));
    expect(y('mission')).toBeLessThan(y('o1'));
    expect(y('o1')).toBeLessThan(y('k1'));
    expect(y('k1')).toBeLessThan(y('d1'));
    expect(y('s1')).toBeGreaterThan(y('d1'));
  });

  it('puts a goal with parents on two levels below the deeper one', () => {
    const p = computeLayout({
      ...tree,
      links: [...tree.links, { from: 'd1', to: 'o2' }],
    });
    expect(p['d1']?.y).toBeGreaterThan(p['k1']?.y ?? Number.NaN);
  });
});
