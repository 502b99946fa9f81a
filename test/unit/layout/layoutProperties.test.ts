import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NODE_SIZE, type LayoutInput, type LayoutNodeInput } from '../../../src/domain/layoutTypes';
import { routeEdges } from '../../../src/domain/edgeRoutes';
import { routeKey, segmentEntersRect, type Rect } from '../../../src/domain/routeGeometry';
import { computeLayout } from '../../../src/layout/layout';
import { placeNewNodes } from '../../../src/layout/placement';
import type { Orientation } from '../../../src/domain/orientation';

const KINDS = ['mission', 'objective', 'kpi'] as const;

/**
 * Random maps shaped like KPI trees: goal i contributes to up to three goals before it (so there
 * is never a cycle), some goals pinned anywhere, people holding a few goals or none.
 */
const mapsIn = (orientation: Orientation): fc.Arbitrary<LayoutInput> =>
  fc
    .record({
      goals: fc.array(
        fc.record({
          kind: fc.constantFrom(...KINDS),
          parents: fc.array(fc.nat(), { maxLength: 3 }),
          pinned: fc.option(
            fc.record({ x: fc.integer({ min: -2000, max: 6000 }), y: fc.nat(3000) }),
            {
              freq: 8,
            },
          ),
        }),
        { minLength: 1, maxLength: 60 },
      ),
      people: fc.array(fc.array(fc.nat(), { maxLength: 4 }), { maxLength: 8 }),
    })
    .map(({ goals, people }) => {
      const goalNodes: LayoutNodeInput[] = goals.map((g, i) => ({
        id: `g${i}`,
        ...NODE_SIZE[g.kind],
        pinned: g.pinned,
      }));
      const links = goals.flatMap((g, i) =>
        i === 0
          ? []
          : [...new Set(g.parents.map((p) => p % i))].map((p) => ({ from: `g${i}`, to: `g${p}` })),
      );
      const incentives = people.flatMap((held, s) =>
        held.map((g) => ({ stakeholderId: `s${s}`, goalId: `g${g % goals.length}` })),
      );
      const stakeholders = people.map((_, s) => ({
        id: `s${s}`,
        ...NODE_SIZE.stakeholder,
        pinned: null,
      }));
      return { goals: goalNodes, stakeholders, links, incentives, orientation };
    });

interface Box {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  pinned: boolean;
}

function boxesOf(input: LayoutInput): Box[] {
  const positions = computeLayout(input);
  return [...input.goals, ...input.stakeholders].map((n) => {
    const p = positions[n.id];
    if (!p) throw new Error(`no position for ${n.id}`);
    return { id: n.id, ...p, width: n.width, height: n.height, pinned: n.pinned !== null };
  });
}

const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

type Route = readonly { readonly x: number; readonly y: number }[];

/** The links' routes, as the layout worker hands them to the canvas. */
function linkRoutes(boxes: ReadonlyMap<string, Box>, input: LayoutInput): Route[] {
  return routeEdges(boxes, input.links, {}, input.orientation).flatMap((r) => (r ? [r] : []));
}

/** Points where the route crosses one of the lines (each one's ends strictly on both sides). */
function crossingCount(route: Route, lines: readonly Route[]): number {
  const turn = (o: Route[number], a: Route[number], b: Route[number]) =>
    (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
  let count = 0;
  route.forEach((b, i) => {
    const a = route[i - 1];
    if (!a) return;
    for (const line of lines) {
      line.forEach((d, k) => {
        const c = line[k - 1];
        if (c && turn(a, b, c) * turn(a, b, d) < 0 && turn(c, d, a) * turn(c, d, b) < 0) count++;
      });
    }
  });
  return count;
}

/** No route passes through a box other than the two its edge joins. */
function expectAround(
  boxes: ReadonlyMap<string, Rect>,
  edges: readonly { readonly from: string; readonly to: string }[],
  routes: readonly (readonly { x: number; y: number }[] | null)[],
): void {
  edges.forEach((edge, k) => {
    const route = routes[k] ?? [];
    for (const [id, box] of boxes) {
      if (id === edge.from || id === edge.to) continue;
      const through = route.some((b, i) => i > 0 && segmentEntersRect(route[i - 1] ?? b, b, box));
      expect(through, `${edge.from}→${edge.to} through ${id}`).toBe(false);
    }
  });
}

describe.each(['topDown', 'leftRight'] as const)('computeLayout properties (%s)', (orientation) => {
  const maps = mapsIn(orientation);

  it('places every node, and no two overlap unless the user pinned both there', () => {
    fc.assert(
      fc.property(maps, (input) => {
        const boxes = boxesOf(input);
        for (let i = 0; i < boxes.length; i++) {
          for (let j = i + 1; j < boxes.length; j++) {
            const [a, b] = [boxes[i], boxes[j]];
            if (a && b && !(a.pinned && b.pinned) && overlap(a, b)) {
              throw new Error(`${a.id} overlaps ${b.id}`);
            }
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('draws every goal after the goals it contributes to, and people after what they hold', () => {
    // Top-down, "after" is below: the child's top is under the parent's bottom; left to right,
    // it is to the right: the child's left edge is past the parent's right edge.
    const after = (child: Box, parent: Box) =>
      orientation === 'topDown'
        ? child.y > parent.y + parent.height
        : child.x > parent.x + parent.width;
    fc.assert(
      fc.property(maps, (input) => {
        const at = new Map(boxesOf(input).map((b) => [b.id, b]));
        const edges = [
          ...input.links.map((l) => [l.from, l.to] as const),
          ...input.incentives.map((i) => [i.stakeholderId, i.goalId] as const),
        ];
        for (const [below, above] of edges) {
          const [child, parent] = [at.get(below), at.get(above)];
          if (!child || !parent || child.pinned || parent.pinned) continue;
          expect(after(child, parent), `${below} after ${above}`).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('leaves pinned nodes exactly where they were pinned', () => {
    fc.assert(
      fc.property(maps, (input) => {
        const positions = computeLayout(input);
        for (const g of input.goals) if (g.pinned) expect(positions[g.id]).toEqual(g.pinned);
      }),
      { numRuns: 100 },
    );
  });

  it('is deterministic: the same map always gets the same positions', () => {
    fc.assert(
      fc.property(maps, (input) => {
        expect(computeLayout(input)).toEqual(computeLayout(structuredClone(input)));
      }),
      { numRuns: 100 },
    );
  });

  const unpinned = maps.map((input) => ({
    ...input,
    goals: input.goals.map((g) => ({ ...g, pinned: null })),
  }));

  it('routes every "contributes to" link around the boxes it does not end at', () => {
    fc.assert(
      fc.property(unpinned, (input) => {
        const boxes = new Map(boxesOf(input).map((b) => [b.id, b]));
        expectAround(boxes, input.links, routeEdges(boxes, input.links, {}, orientation));
      }),
      { numRuns: 100 },
    );
  });

  it("routes every person's ties around the boxes they do not end at", () => {
    fc.assert(
      fc.property(unpinned, (input) => {
        const boxes = new Map(boxesOf(input).map((b) => [b.id, b]));
        const links = linkRoutes(boxes, input);
        // As the canvas does: the ties of the person selected, routed together.
        for (const person of input.stakeholders) {
          const ties = input.incentives
            .filter((i) => i.stakeholderId === person.id)
            .map((i) => ({ from: i.stakeholderId, to: i.goalId }));
          expectAround(boxes, ties, routeEdges(boxes, ties, {}, orientation, links));
        }
      }),
      { numRuns: 100 },
    );
  });

  it('routes a tie across no more links than the first clear route it finds', () => {
    fc.assert(
      fc.property(unpinned, (input) => {
        const boxes = new Map(boxesOf(input).map((b) => [b.id, b]));
        const links = linkRoutes(boxes, input);
        for (const i of input.incentives) {
          const tie = [{ from: i.stakeholderId, to: i.goalId }];
          const [chosen] = routeEdges(boxes, tie, {}, orientation, links);
          const [first] = routeEdges(boxes, tie, {}, orientation);
          expect(crossingCount(chosen ?? [], links)).toBeLessThanOrEqual(
            crossingCount(first ?? [], links),
          );
        }
      }),
      { numRuns: 50 },
    );
  });

  it('places a new goal without moving any goal that has a place', () => {
    fc.assert(
      fc.property(maps, fc.nat(), (input, at) => {
        const laidOut = computeLayout(input);
        const parent = input.goals[at % input.goals.length]?.id ?? 'g0';
        const added: LayoutInput = {
          ...input,
          goals: [...input.goals, { id: 'new', ...NODE_SIZE.kpi, pinned: null }],
          links: [...input.links, { from: 'new', to: parent }],
        };
        const placed = placeNewNodes(added, laidOut);
        expect(Object.keys(placed)).toEqual(['new']);
        const spot = placed['new'];
        if (!spot) throw new Error('the new goal has no place');
        const fresh = { id: 'new', ...spot, ...NODE_SIZE.kpi, pinned: false };
        for (const n of [...input.goals, ...input.stakeholders]) {
          const p = laidOut[n.id];
          if (
            p &&
            overlap(fresh, { id: n.id, ...p, width: n.width, height: n.height, pinned: false })
          )
            throw new Error(`the new goal overlaps ${n.id}`);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('routeEdges', () => {
  it('keeps a known route while its ends stay put, and routes afresh once one has moved', () => {
    const child = { x: 0, y: 200, width: 200, height: 100 };
    const parent = { x: 0, y: 0, width: 200, height: 80 };
    const known = {
      [routeKey('c', 'p')]: [
        { x: 100, y: 200 },
        { x: 100, y: 150 },
        { x: 100, y: 80 },
      ],
    };
    const boxes = new Map([
      ['c', child],
      ['p', parent],
    ]);
    expect(routeEdges(boxes, [{ from: 'c', to: 'p' }], known)[0]).toBe(known[routeKey('c', 'p')]);
    boxes.set('c', { ...child, x: 300 });
    expect(routeEdges(boxes, [{ from: 'c', to: 'p' }], known)[0]?.[0]).toEqual({ x: 400, y: 200 });
  });

  it('draws a tie around a link it would cross when there is a clear way that crosses none', () => {
    const boxes = new Map([
      ['goal', { x: 0, y: 0, width: 200, height: 80 }],
      ['person', { x: 10, y: 400, width: 180, height: 60 }],
    ]);
    const link = [
      { x: 50, y: 200 },
      { x: 150, y: 200 },
    ];
    const tie = [{ from: 'person', to: 'goal' }];
    const [straight] = routeEdges(boxes, tie);
    const [around] = routeEdges(boxes, tie, {}, 'topDown', [link]);
    expect(crossingCount(straight ?? [], [link])).toBe(1);
    expect(crossingCount(around ?? [], [link])).toBe(0);
    expectAround(boxes, tie, [around ?? null]);
  });
});
