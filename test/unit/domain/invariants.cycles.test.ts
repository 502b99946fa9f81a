import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEmptyMap, newGoal, newLink } from '../../../src/domain/factories';
import {
  findClosingLinks,
  findCycle,
  findUpPath,
  getChildren,
  getParents,
} from '../../../src/domain/graph';
import { asLinkId } from '../../../src/domain/ids';
import type { GoalId } from '../../../src/domain/ids';
import type { Goal, Link } from '../../../src/domain/model';
import { g, sampleMap } from './commands.fixture';

const goalsNamed = (n: number): Goal[] =>
  Array.from({ length: n }, (_, i) => newGoal({ id: g(`g${i}`), title: `G${i}` }));
const linkOf = (from: number, to: number, id = `l${from}-${to}`): Link =>
  newLink(g(`g${from}`), g(`g${to}`), asLinkId(id));

/** Every step of the cycle is one of the links, and it ends where it starts. */
function expectRealCycle(cycle: readonly GoalId[] | null, links: readonly Link[]): void {
  expect(cycle).not.toBeNull();
  const steps = cycle ?? [];
  expect(steps.length).toBeGreaterThanOrEqual(2);
  expect(steps[0]).toBe(steps.at(-1));
  const linked = new Set(links.map((l) => `${l.from}>${l.to}`));
  for (let k = 0; k + 1 < steps.length; k++) {
    expect(linked.has(`${steps[k] ?? ''}>${steps[k + 1] ?? ''}`)).toBe(true);
  }
}

/**
 * A random DAG: goal `rank[a]` links up to goal `rank[b]` only when a < b. `walk` picks, from the
 * head of edge `backFrom`, a random way further up; linking where it ends back down to the edge's
 * tail closes a cycle.
 */
const arbDag = fc.integer({ min: 2, max: 24 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    rank: fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n }),
    edges: fc.uniqueArray(
      fc.tuple(fc.nat(n - 1), fc.nat(n - 1)).filter(([a, b]) => a < b),
      { minLength: 1, maxLength: 60, selector: ([a, b]) => a * n + b },
    ),
    backFrom: fc.nat(),
    walk: fc.array(fc.nat(), { maxLength: 8 }),
  }),
);

describe('findCycle and findClosingLinks on random DAGs', () => {
  it('find no cycle in a DAG, and exactly the back link once one is appended', () => {
    fc.assert(
      fc.property(arbDag, ({ n, rank, edges, backFrom, walk }) => {
        const goals = goalsNamed(n);
        const at = (i: number): number => rank[i] ?? 0;
        const links = edges.map(([a, b]) => linkOf(at(a), at(b)));
        expect(findCycle(goals, links)).toBeNull();
        expect(findClosingLinks(goals, links)).toMatchObject({ closing: [], unchecked: [] });

        const [tail, head] = edges[backFrom % edges.length] ?? [0, 1];
        let top = head;
        for (const choice of walk) {
          const up = edges.filter(([a]) => a === top);
          top = up[choice % Math.max(up.length, 1)]?.[1] ?? top;
        }
        const withBack = [...links, linkOf(at(top), at(tail), 'back')];
        expectRealCycle(findCycle(goals, withBack), withBack);
        const { closing } = findClosingLinks(goals, withBack);
        expect(closing.map((c) => c.linkIndex)).toEqual([links.length]);
        expect(closing[0]?.cycle.slice(0, 2)).toEqual([`g${at(top)}`, `g${at(tail)}`]);
        expectRealCycle(closing[0]?.cycle ?? null, withBack);
      }),
      { numRuns: 200 },
    );
  });

  it('leave an acyclic rest after dropping the closing links of any graph', () => {
    const arbGraph = fc.integer({ min: 1, max: 12 }).chain((n) =>
      fc.record({
        n: fc.constant(n),
        edges: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 40 }),
      }),
    );
    fc.assert(
      fc.property(arbGraph, ({ n, edges }) => {
        const goals = goalsNamed(n);
        const links = edges.map(([a, b], i) => linkOf(a, b, `l${i}`));
        const { closing, unchecked } = findClosingLinks(goals, links);
        expect(unchecked).toEqual([]);
        const dropped = new Set(closing.map((c) => c.linkIndex));
        const kept = links.filter((_, i) => !dropped.has(i));
        expect(findCycle(goals, kept)).toBeNull();
        expect(findCycle(goals, links) === null).toBe(closing.length === 0);
        for (const { linkIndex, cycle } of closing) {
          // A closing link closes its cycle with links kept before it.
          const before = links.filter(
            (_, i) => i === linkIndex || (i < linkIndex && !dropped.has(i)),
          );
          expectRealCycle(cycle, before);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('graph helpers on the sample map', () => {
  it('look up parents and children in link order', () => {
    const doc = sampleMap();
    expect(getParents(doc, g('g3'))).toEqual(['g2']);
    expect(getChildren(doc, g('g2'))).toEqual(['g3', 'g4']);
    expect(getParents(doc, g('g1'))).toEqual([]);
    expect(getChildren(doc, g('nope'))).toEqual([]);
  });

  it('find the shortest way up, and none down', () => {
    const doc = sampleMap();
    expect(findUpPath(doc, g('g3'), g('g1'))).toEqual(['g3', 'g2', 'g1']);
    expect(findUpPath(doc, g('g1'), g('g3'))).toBeNull();
    expect(findUpPath(doc, g('g2'), g('g2'))).toEqual(['g2']);
    const shortcut = { ...doc, links: [...doc.links, linkOf(3, 1)] };
    expect(findUpPath(shortcut, g('g3'), g('g1'))).toEqual(['g3', 'g1']);
  });

  it('names a cycle even when the search for closing links has no budget left', () => {
    const goals = goalsNamed(3);
    const links = [linkOf(0, 1), linkOf(1, 2), linkOf(2, 0), linkOf(0, 2)];
    const result = findClosingLinks(goals, links, 0);
    expect(result.closing).toEqual([]);
    expect(result.unchecked).toEqual([0, 1, 2, 3]);
    expectRealCycle(result.cycleThrough(3), links);
  });
});

describe('graph helpers on a 100k-deep chain', () => {
  const n = 100_000;
  const goals = goalsNamed(n);
  const chain = goals.slice(1).map((_, i) => linkOf(i, i + 1));

  it('walk all the way up without overflowing the stack', () => {
    const doc = { ...createEmptyMap('Deep', '2026-01-01T00:00:00Z'), goals, links: chain };
    expect(findUpPath(doc, g('g0'), g(`g${n - 1}`))).toHaveLength(n);
    expect(findCycle(goals, chain)).toBeNull();
  });

  it('find the cycle a link from the top back to the bottom closes', () => {
    const cycle = findCycle(goals, [...chain, linkOf(n - 1, 0)]);
    expect(cycle).toHaveLength(n + 1);
    expect(cycle?.slice(0, 2)).toEqual(['g0', 'g1']);
    expect(cycle?.slice(-2)).toEqual([`g${n - 1}`, 'g0']);
  });
});
