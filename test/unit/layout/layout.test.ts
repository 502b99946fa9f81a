import { describe, expect, it } from 'vitest';
import { toLayoutInput } from '../../../src/canvas/layoutInput';
import { createExampleMap } from '../../../src/domain/exampleMap';
import type { LayoutInput } from '../../../src/domain/layoutTypes';
import { computeLayout } from '../../../src/layout/layout';
import { goalNodeId } from '../../../src/domain/nodeIds';

const box = (id: string, pinned: { x: number; y: number } | null = null) => ({
  id,
  width: 200,
  height: 80,
  pinned,
});

const tree: LayoutInput = {
  goals: [box('mission'), box('o1'), box('o2'), box('k1')],
  stakeholders: [box('s1')],
  links: [
    { from: 'o1', to: 'mission' },
    { from: 'o2', to: 'mission' },
    { from: 'k1', to: 'o1' },
    { from: 'k1', to: 'o2' },
  ],
  incentives: [{ stakeholderId: 's1', goalId: 'k1' }],
};

describe('computeLayout', () => {
  it('puts the mission on top, each goal below its parents, people below their goals', () => {
    const p = computeLayout(tree);
    const y = (id: string) => p[id]?.y ?? Number.NaN;
    expect(y('mission')).toBeLessThan(y('o1'));
    expect(y('o1')).toBe(y('o2'));
    expect(y('o1')).toBeLessThan(y('k1'));
    expect(y('k1')).toBeLessThan(y('s1'));
  });

  it('places a goal with two parents between them', () => {
    const p = computeLayout(tree);
    const x = (id: string) => p[id]?.x ?? Number.NaN;
    expect(x('k1')).toBeGreaterThanOrEqual(Math.min(x('o1'), x('o2')));
    expect(x('k1')).toBeLessThanOrEqual(Math.max(x('o1'), x('o2')));
  });

  it('keeps pinned positions exactly', () => {
    const pinned: LayoutInput = {
      ...tree,
      goals: [...tree.goals.slice(0, 3), box('k1', { x: -500, y: 42 })],
    };
    expect(computeLayout(pinned)['k1']).toEqual({ x: -500, y: 42 });
  });

  it('does not overlap boxes on the same layer', () => {
    const p = computeLayout(tree);
    const o1 = p['o1'];
    const o2 = p['o2'];
    expect(o1 && o2 && Math.abs(o1.x - o2.x)).toBeGreaterThanOrEqual(200);
  });

  it('puts people who hold no goal yet below the map', () => {
    const p = computeLayout({ ...tree, stakeholders: [box('s1'), box('s2')] });
    const lowestGoal = Math.max(...tree.goals.map((g) => p[g.id]?.y ?? 0));
    expect(p['s2']?.y).toBeGreaterThan(lowestGoal);
  });

  it('stacks many leaves of one parent in a compact block centred under it', () => {
    const leaves = Array.from({ length: 12 }, (_, i) => box(`k${i}`));
    const p = computeLayout({
      goals: [box('o'), ...leaves],
      stakeholders: [],
      links: leaves.map((k) => ({ from: k.id, to: 'o' })),
      incentives: [],
    });
    const xs = leaves.map((k) => p[k.id]?.x ?? Number.NaN);
    const ys = leaves.map((k) => p[k.id]?.y ?? Number.NaN);
    const [left, right] = [Math.min(...xs), Math.max(...xs) + 200];
    expect(right - left).toBeLessThan(4 * 224);
    expect(new Set(ys).size).toBeGreaterThan(2);
    const centre = (p['o']?.x ?? Number.NaN) + 100;
    expect(centre).toBeGreaterThan(left);
    expect(centre).toBeLessThan(right);
    expect(Math.min(...ys)).toBeGreaterThan((p['o']?.y ?? Number.NaN) + 80);
  });

  it('lists a held leaf down the rail with the others, its holder in the band below the tree', () => {
    const leaves = Array.from({ length: 8 }, (_, i) => box(`k${i}`));
    const p = computeLayout({
      goals: [box('o'), ...leaves],
      stakeholders: [box('s1')],
      links: leaves.map((k) => ({ from: k.id, to: 'o' })),
      incentives: [{ stakeholderId: 's1', goalId: 'k7' }],
    });
    const columns = new Set(leaves.map((k) => p[k.id]?.x));
    expect(columns.size).toBe(2);
    const lowest = Math.max(...leaves.map((k) => p[k.id]?.y ?? Infinity));
    expect(p['s1']?.y).toBeGreaterThan(lowest + 80);
  });

  it('moves a laid-out node aside rather than under a pinned one', () => {
    const first = computeLayout(tree);
    const o2 = first['o2'];
    if (!o2) throw new Error('o2 not placed');
    const pinned = { ...tree, goals: [box('mission'), box('o1', o2), box('o2'), box('k1')] };
    const p = computeLayout(pinned);
    expect(p['o1']).toEqual(o2);
    expect(Math.abs((p['o2']?.x ?? 0) - o2.x)).toBeGreaterThanOrEqual(200);
    expect(p['o2']?.y).toBe(o2.y);
  });
});

describe('computeLayout on the example map', () => {
  const doc = createExampleMap('2026-01-01T00:00:00.000Z');
  const input = toLayoutInput(doc);
  const p = computeLayout(input);
  const width = new Map(input.goals.map((g) => [g.id, g.width]));
  const centre = (id: string) => (p[id]?.x ?? Number.NaN) + (width.get(id) ?? Number.NaN) / 2;

  it('puts the mission above everything else', () => {
    const mission = doc.goals.find((g) => g.kind === 'mission');
    const missionId = goalNodeId(mission?.id ?? '');
    const others = Object.entries(p).filter(([id]) => id !== missionId);
    expect(others.every(([, at]) => at.y > (p[missionId]?.y ?? Infinity))).toBe(true);
  });

  it('draws every goal with two parents below both, near the span between them', () => {
    const parents = new Map<string, string[]>();
    for (const l of input.links) parents.set(l.from, [...(parents.get(l.from) ?? []), l.to]);
    const shared = [...parents].filter(([, ps]) => ps.length === 2);
    expect(shared.length).toBeGreaterThan(0);
    const y = (id: string) => p[id]?.y ?? Number.NaN;
    for (const [child, [a = '', b = '']] of shared) {
      expect(y(child), child).toBeGreaterThan(Math.max(y(a), y(b)));
      // Several such goals share the row below their parents, so one may sit a box aside.
      const [left, right] = [Math.min(centre(a), centre(b)), Math.max(centre(a), centre(b))];
      expect(centre(child), child).toBeGreaterThan(left - 300);
      expect(centre(child), child).toBeLessThan(right + 300);
    }
  });
});
