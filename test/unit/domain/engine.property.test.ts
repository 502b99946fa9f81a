import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildAlignmentMatrix,
  buildGoalIndex,
  findCommonGround,
  type CommonGround,
} from '../../../src/domain/engine';
import { asStakeholderId, type StakeholderId } from '../../../src/domain/ids';
import { checkInvariants } from '../../../src/domain/invariants';
import type { MapDocument } from '../../../src/domain/model';
import { arbMapDocument } from './arbitraries';
import { bruteAlignmentMatrix, bruteCommonGround, incentiveGoalsOf } from './bruteForce';

/**
 * A map and the parties asked about: mostly 2–4 distinct stakeholders, sometimes a list with
 * repeats (which may collapse to one party), sometimes with a stranger not in the map.
 */
const arbQuery = arbMapDocument({ minStakeholders: 2 }).chain((doc) =>
  fc.record({
    doc: fc.constant(doc),
    picks: fc.oneof(
      {
        weight: 8,
        arbitrary: fc.uniqueArray(fc.nat(doc.stakeholders.length - 1), {
          minLength: 2,
          maxLength: Math.min(4, doc.stakeholders.length),
        }),
      },
      {
        weight: 2,
        arbitrary: fc.array(fc.nat(doc.stakeholders.length - 1), { minLength: 1, maxLength: 4 }),
      },
    ),
    stranger: fc.oneof(
      { weight: 9, arbitrary: fc.constant(false) },
      { weight: 1, arbitrary: fc.constant(true) },
    ),
  }),
);

function partiesOf(doc: MapDocument, picks: readonly number[], stranger: boolean): StakeholderId[] {
  const parties = picks.map((i) => doc.stakeholders[i]?.id ?? asStakeholderId('missing'));
  return stranger ? [...parties, asStakeholderId('stranger')] : parties;
}

/** The engine's result without paths, in the brute force's shape. */
function withoutPaths(result: CommonGround): unknown {
  if (result.status !== 'found' && result.status !== 'already-shared') return result;
  return {
    ...result,
    answers: result.answers.map((a) => ({
      ...a,
      climbs: a.climbs.map(({ stakeholderId, climb }) => ({ stakeholderId, climb })),
    })),
  };
}

/** Each path starts at one of the party's incentive goals and walks up real links to the answer. */
function expectValidPaths(doc: MapDocument, result: CommonGround): void {
  if (result.status !== 'found' && result.status !== 'already-shared') return;
  const links = new Set(doc.links.map((l) => `${l.from}>${l.to}`));
  for (const answer of result.answers) {
    for (const { stakeholderId, climb, path } of answer.climbs) {
      expect(path).toHaveLength(climb + 1);
      const start = path[0];
      expect(start !== undefined && incentiveGoalsOf(doc, stakeholderId).has(start)).toBe(true);
      expect(path.at(-1)).toBe(answer.goalId);
      for (let i = 1; i < path.length; i++)
        expect(links.has(`${path[i - 1]}>${path[i]}`)).toBe(true);
    }
  }
}

describe('arbMapDocument', () => {
  it('only generates maps that keep the invariants', () => {
    fc.assert(
      fc.property(arbMapDocument(), (doc) => {
        expect(checkInvariants(doc)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});

describe('engine against the brute-force definition', () => {
  it('findCommonGround agrees on status, ranked answers, climbs and top goals', () => {
    fc.assert(
      fc.property(arbQuery, ({ doc, picks, stranger }) => {
        const index = buildGoalIndex(doc);
        const parties = partiesOf(doc, picks, stranger);
        const result = findCommonGround(index, parties);
        expect(withoutPaths(result)).toEqual(bruteCommonGround(doc, parties));
        expectValidPaths(doc, result);
      }),
      { numRuns: 1000 },
    );
  });

  it('buildAlignmentMatrix agrees on every cell', () => {
    fc.assert(
      fc.property(arbMapDocument(), (doc) => {
        const matrix = buildAlignmentMatrix(buildGoalIndex(doc));
        const brute = bruteAlignmentMatrix(doc);
        expect(matrix.climbs).toEqual(brute.climbs);
        expect(matrix.nearest).toEqual(brute.nearest);
      }),
      { numRuns: 1000 },
    );
  });

  it('every off-diagonal cell of the matrix is the per-pair engine’s nearest common goal', () => {
    const arbBusyMap = arbMapDocument({ maxStakeholders: 8, maxIncentivesPerStakeholder: 5 });
    fc.assert(
      fc.property(arbBusyMap, (doc) => {
        const index = buildGoalIndex(doc);
        const matrix = buildAlignmentMatrix(index);
        doc.stakeholders.forEach((a, i) => {
          doc.stakeholders.forEach((b, j) => {
            if (i === j) return;
            const pair = findCommonGround(index, [a.id, b.id]);
            const answer =
              pair.status === 'found' || pair.status === 'already-shared'
                ? pair.answers[0]
                : undefined;
            expect(matrix.climbs[i]?.[j]).toBe(answer?.totalClimb ?? Infinity);
            expect(matrix.nearest[i]?.[j]).toBe(answer?.goalId ?? null);
          });
        });
      }),
      { numRuns: 500 },
    );
  });
});
