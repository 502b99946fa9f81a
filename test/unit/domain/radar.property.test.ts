import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildAlignmentMatrix,
  buildGoalIndex,
  findCommonGround,
  findConflictRadar,
} from '../../../src/domain/engine';
import { KIND_PULL, PULL_PER_LEVEL, UNWEIGHTED } from '../../../src/domain/engine/radar';
import {
  asReportingLineId,
  asTradeOffId,
  type GoalId,
  type StakeholderId,
} from '../../../src/domain/ids';
import { checkInvariants } from '../../../src/domain/invariants';
import type { MapDocument, ReportingLine, TradeOff } from '../../../src/domain/model';
import { findEscalationPoint } from '../../../src/domain/reportingLines';
import { arbMapDocument } from './arbitraries';
import { bruteCommonGround } from './bruteForce';

/** A random map with random trade-offs between distinct goals and a random reporting forest. */
const arbRadarMap: fc.Arbitrary<{ doc: MapDocument; depth: number }> = arbMapDocument({
  minStakeholders: 2,
  maxGoals: 16,
}).chain((doc) => {
  const n = doc.goals.length;
  const people = doc.stakeholders.length;
  return fc.record({
    doc: fc
      .record({
        pairs:
          n < 2
            ? fc.constant([])
            : fc.uniqueArray(
                fc.tuple(fc.nat(n - 1), fc.nat(n - 1)).filter(([a, b]) => a !== b),
                { maxLength: 8, selector: ([a, b]) => (a < b ? `${a},${b}` : `${b},${a}`) },
              ),
        // Person i reports to a random earlier person (or nobody), shuffled by a random rank.
        managers: fc.array(fc.option(fc.nat(people), { nil: null }), {
          minLength: people,
          maxLength: people,
        }),
        rank: fc.shuffledSubarray([...Array(people).keys()], { minLength: people }),
      })
      .map(({ pairs, managers, rank }) => withExtras(doc, pairs, managers, rank)),
    depth: fc.integer({ min: 0, max: 3 }),
  });
});

function withExtras(
  doc: MapDocument,
  pairs: readonly [number, number][],
  managers: readonly (number | null)[],
  rank: readonly number[],
): MapDocument {
  const goal = (i: number): GoalId => at(doc.goals, i).id;
  const person = (i: number): StakeholderId => at(doc.stakeholders, rank[i] ?? 0).id;
  const tradeOffs: TradeOff[] = pairs.map(([a, b], i) => ({
    id: asTradeOffId(`t${i}`),
    a: goal(a),
    b: goal(b),
    note: '',
  }));
  const reportingLines: ReportingLine[] = managers.flatMap((m, i) =>
    m === null || i === 0
      ? []
      : [{ id: asReportingLineId(`r${i}`), from: person(i), to: person(m % i) }],
  );
  return { ...doc, tradeOffs, reportingLines };
}

function at<T>(list: readonly T[], i: number): T {
  const item = list[i];
  if (item === undefined) throw new Error(`no item ${i}`);
  return item;
}

/** The strongest pull of `who` on `target`: every incentive, every route, by rescanning links. */
function brutePull(
  doc: MapDocument,
  who: StakeholderId,
  target: GoalId,
  depth: number,
): number | null {
  let best: number | null = null;
  for (const incentive of doc.incentives) {
    if (incentive.stakeholderId !== who) continue;
    let frontier = new Set([incentive.goalId]);
    const seen = new Set(frontier);
    for (let d = 0; d <= depth && frontier.size > 0; d++) {
      if (frontier.has(target)) {
        const pull =
          KIND_PULL[incentive.kind] * (incentive.weight ?? UNWEIGHTED) * PULL_PER_LEVEL ** d;
        if (best === null || pull > best) best = pull;
        break;
      }
      const next = new Set<GoalId>();
      for (const link of doc.links) {
        if (frontier.has(link.from) && !seen.has(link.to)) next.add(link.to);
      }
      for (const g of next) seen.add(g);
      frontier = next;
    }
  }
  return best;
}

/** Every pair of stakeholders, every trade-off, both ways round: pair key → score. */
function bruteRadar(doc: MapDocument, depth: number): Map<string, number> {
  const scores = new Map<string, number>();
  const people = doc.stakeholders.map((s) => s.id);
  people.forEach((x, i) => {
    people.forEach((y, j) => {
      if (j <= i) return;
      for (const t of doc.tradeOffs) {
        const pulls = [
          [brutePull(doc, x, t.a, depth), brutePull(doc, y, t.b, depth)],
          [brutePull(doc, y, t.a, depth), brutePull(doc, x, t.b, depth)],
        ].flatMap(([p, q]) =>
          p === null || p === undefined || q === null || q === undefined ? [] : [p * q],
        );
        if (pulls.length === 0) continue;
        const key = `${x}|${y}`;
        scores.set(key, (scores.get(key) ?? 0) + Math.max(...pulls));
      }
    });
  });
  return scores;
}

describe('conflict radar', () => {
  it('lists exactly the pairs a brute-force enumeration finds, with their scores, ranked', () => {
    fc.assert(
      fc.property(arbRadarMap, ({ doc, depth }) => {
        expect(checkInvariants(doc)).toEqual([]);
        const index = buildGoalIndex(doc);
        const radar = findConflictRadar(doc, index, depth);
        const expected = bruteRadar(doc, depth);
        expect(radar.map((p) => p.parties.join('|')).sort()).toEqual([...expected.keys()].sort());
        for (const pair of radar) {
          expect(pair.score).toBeCloseTo(expected.get(pair.parties.join('|')) ?? NaN, 9);
        }
        radar.slice(1).forEach((pair, i) => {
          expect(pair.score).toBeLessThanOrEqual(radar[i]?.score ?? Infinity);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('explains each pair with real incentives and links, and gives the nearest common goal', () => {
    fc.assert(
      fc.property(arbRadarMap, ({ doc, depth }) => {
        const links = new Set(doc.links.map((l) => `${l.from}>${l.to}`));
        for (const pair of findConflictRadar(doc, buildGoalIndex(doc), depth)) {
          const tradeOff = doc.tradeOffs.find((t) => t.id === pair.tradeOffId);
          expect(tradeOff).toBeDefined();
          const [a, b] = pair.sides;
          expect([a.path.at(-1), b.path.at(-1)]).toEqual([tradeOff?.a, tradeOff?.b]);
          for (const side of pair.sides) {
            expect(side.path.length - 1).toBeLessThanOrEqual(depth);
            const held = doc.incentives.some(
              (i) =>
                i.stakeholderId === side.stakeholderId &&
                i.goalId === side.path[0] &&
                i.kind === side.kind,
            );
            expect(held).toBe(true);
            side.path
              .slice(1)
              .forEach((g, k) => expect(links.has(`${side.path[k]}>${g}`)).toBe(true));
          }
          expect(new Set([a.stakeholderId, b.stakeholderId])).toEqual(new Set(pair.parties));
          const brute = bruteCommonGround(doc, [...pair.parties]);
          const nearest =
            brute.status === 'found' || brute.status === 'already-shared'
              ? (brute.answers[0]?.goalId ?? null)
              : null;
          expect(pair.nearestGoalId).toBe(nearest);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('trade-offs never change a nearest-common-goal answer or the alignment matrix', () => {
    fc.assert(
      fc.property(arbRadarMap, ({ doc }) => {
        const without = buildGoalIndex({ ...doc, tradeOffs: [] });
        const withTradeOffs = buildGoalIndex(doc);
        const people = doc.stakeholders.map((s) => s.id);
        for (const x of people) {
          for (const y of people) {
            expect(findCommonGround(withTradeOffs, [x, y])).toEqual(
              findCommonGround(without, [x, y]),
            );
          }
        }
        expect(buildAlignmentMatrix(withTradeOffs)).toEqual(buildAlignmentMatrix(without));
      }),
      { numRuns: 150 },
    );
  });
});

/** Every manager-or-self of each party; the common one with the smallest total climb. */
function bruteEscalation(lines: readonly ReportingLine[], parties: readonly StakeholderId[]) {
  const above = (p: StakeholderId): Map<StakeholderId, number> => {
    const levels = new Map<StakeholderId, number>([[p, 0]]);
    for (let frontier = [p], d = 1; frontier.length > 0; d++) {
      frontier = lines
        .filter((l) => frontier.includes(l.from) && !levels.has(l.to))
        .map((l) => l.to);
      for (const m of frontier) levels.set(m, d);
    }
    return levels;
  };
  const all = parties.map(above);
  let best: { managerId: StakeholderId; steps: number[] } | null = null;
  for (const candidate of all[0]?.keys() ?? []) {
    const steps = all.map((levels) => levels.get(candidate));
    if (steps.some((x) => x === undefined)) continue;
    const known = steps.map((x) => x ?? 0);
    const total = known.reduce((a, b) => a + b, 0);
    if (best === null || total < best.steps.reduce((a, b) => a + b, 0)) {
      best = { managerId: candidate, steps: known };
    }
  }
  return best === null ? { status: 'none' } : { status: 'found', ...best };
}

describe('escalation point', () => {
  it('is the lowest common manager a brute-force search finds', () => {
    fc.assert(
      fc.property(
        arbRadarMap.chain(({ doc }) =>
          fc.record({
            doc: fc.constant(doc),
            parties: fc.uniqueArray(fc.constantFrom(...doc.stakeholders.map((s) => s.id)), {
              minLength: 1,
              maxLength: 4,
            }),
          }),
        ),
        ({ doc, parties }) => {
          expect(findEscalationPoint(doc.reportingLines, parties)).toEqual(
            bruteEscalation(doc.reportingLines, parties),
          );
        },
      ),
      { numRuns: 400 },
    );
  });
});
