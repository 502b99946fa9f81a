import { describe, expect, it } from 'vitest';
import {
  buildAlignmentMatrix,
  buildGoalIndex,
  type AlignmentMatrix,
} from '../../../src/domain/engine';
import { createExampleMap } from '../../../src/domain/exampleMap';
import { asStakeholderId, type StakeholderId } from '../../../src/domain/ids';
import {
  cellLabel,
  pairKey,
  climbText,
  furthestPairs,
  heatLevel,
  largestClimb,
  moveCell,
  orderPeople,
  sortRowsByColumn,
} from '../../../src/ui/matrix/matrixView';

const s = asStakeholderId;

/** Ann, Ben and Cy: Ann and Ben share a goal, Cy shares nothing with anyone. */
const small: AlignmentMatrix = {
  stakeholders: [s('ann'), s('ben'), s('cy')],
  climbs: [
    [0, 0, Infinity],
    [0, 0, Infinity],
    [Infinity, Infinity, Infinity],
  ],
  nearest: [
    [null, null, null],
    [null, null, null],
    [null, null, null],
  ],
};
const names: Record<string, string> = { ann: 'Ann', ben: 'Ben', cy: 'Cy' };
const nameOf = (id: StakeholderId) => names[id] ?? id;

const example = createExampleMap('2026-01-01T00:00:00.000Z');
const exampleMatrix = buildAlignmentMatrix(buildGoalIndex(example));
const exampleName = (id: StakeholderId) =>
  example.stakeholders.find((p) => p.id === id)?.name ?? id;

describe('orderPeople', () => {
  it('keeps map order, sorts by name, or puts the furthest apart first', () => {
    const reversed = { ...small, stakeholders: [s('cy'), s('ben'), s('ann')] };
    expect(orderPeople(reversed, nameOf, 'map')).toEqual([0, 1, 2]);
    expect(orderPeople(reversed, nameOf, 'name')).toEqual([2, 1, 0]);
    expect(orderPeople(small, nameOf, 'furthest')).toEqual([2, 0, 1]);
  });

  it('on the example map puts the people with the longest climbs first, ties in map order', () => {
    const order = orderPeople(exampleMatrix, exampleName, 'furthest');
    // Dana and Priya both climb 5 to Jonas and 21 in all; Jonas climbs 5 too but 20 in all.
    expect(order.slice(0, 3).map((i) => exampleMatrix.stakeholders[i])).toEqual([
      's-vp-sales',
      's-cmo',
      's-cto',
    ]);
    expect(order).toHaveLength(example.stakeholders.length);
  });
});

describe('sortRowsByColumn', () => {
  it('orders rows by their climb to one person, ∞ last when ascending and first when descending', () => {
    const matrix: AlignmentMatrix = {
      ...small,
      climbs: [
        [0, 3, 1],
        [3, 0, Infinity],
        [1, Infinity, 0],
      ],
    };
    expect(
      sortRowsByColumn(matrix, [0, 1, 2], { column: s('cy'), direction: 'ascending' }),
    ).toEqual([2, 0, 1]);
    expect(
      sortRowsByColumn(matrix, [0, 1, 2], { column: s('cy'), direction: 'descending' }),
    ).toEqual([1, 0, 2]);
    expect(
      sortRowsByColumn(matrix, [2, 1], { column: s('nobody'), direction: 'ascending' }),
    ).toEqual([2, 1]);
  });
});

describe('heatLevel', () => {
  it('is 0 for a shared goal, null for none, one level per link on small maps', () => {
    expect(heatLevel(0, 3)).toBe(0);
    expect(heatLevel(Infinity, 3)).toBeNull();
    expect([1, 2, 3, 4, 5].map((c) => heatLevel(c, 5))).toEqual([1, 2, 3, 4, 5]);
  });

  it('stretches long climbs over the five levels and never leaves them', () => {
    expect(heatLevel(1, 40)).toBe(1);
    expect(heatLevel(20, 40)).toBe(3);
    expect(heatLevel(40, 40)).toBe(5);
    expect(heatLevel(60, 40)).toBe(5);
  });
});

describe('largestClimb', () => {
  it('ignores the diagonal and ∞', () => {
    expect(largestClimb(small)).toBe(0);
    expect(largestClimb(exampleMatrix)).toBe(5);
  });
});

describe('cellLabel and climbText', () => {
  it('names the pair, the climb and the goal', () => {
    expect(
      cellLabel({
        a: 'Dana Reyes',
        b: 'Tom Okafor',
        climb: 3,
        goal: 'Grow ARR efficiently',
        withoutIncentives: [],
      }),
    ).toBe('Dana Reyes and Tom Okafor: total climb 3 to Grow ARR efficiently');
    expect(climbText(3)).toBe('3');
    expect(climbText(Infinity)).toBe('∞');
  });

  it('says why there is no common goal', () => {
    const none = { a: 'Ann', b: 'Cy', climb: Infinity, goal: null };
    expect(cellLabel({ ...none, withoutIncentives: [] })).toBe('Ann and Cy: no common goal');
    expect(cellLabel({ ...none, withoutIncentives: ['Cy'] })).toBe(
      'Ann and Cy: no common goal, Cy has no incentives',
    );
    expect(cellLabel({ ...none, withoutIncentives: ['Ann', 'Cy'] })).toBe(
      'Ann and Cy: no common goal, Ann and Cy have no incentives',
    );
  });
});

describe('a pair on the conflict radar', () => {
  it('says so after the climb, with the radar’s reason', () => {
    expect(
      cellLabel({
        a: 'Dana Reyes',
        b: 'Tom Okafor',
        climb: 3,
        goal: 'Grow ARR efficiently',
        withoutIncentives: [],
        radarReason: 'Win rate trades off against Gross margin',
      }),
    ).toBe(
      'Dana Reyes and Tom Okafor: total climb 3 to Grow ARR efficiently. ⚠ On the conflict ' +
        'radar: Win rate trades off against Gross margin',
    );
  });

  it('is found under one key whichever way round the pair is given', () => {
    expect(pairKey('s-cfo', 's-vp-sales')).toBe(pairKey('s-vp-sales', 's-cfo'));
    expect(pairKey('a', 'bc')).not.toBe(pairKey('ab', 'c'));
  });
});

describe('furthestPairs', () => {
  it('lists pairs without a common goal first, skips pairs that share a goal, keeps map order on ties', () => {
    expect(furthestPairs(small, 5)).toEqual([
      { a: 0, b: 2, climb: Infinity },
      { a: 1, b: 2, climb: Infinity },
    ]);
    expect(furthestPairs(small, 1)).toHaveLength(1);
  });

  it('on the example map starts with the two pairs that climb 5', () => {
    const top = furthestPairs(exampleMatrix, 3).map((p) => [
      exampleMatrix.stakeholders[p.a],
      exampleMatrix.stakeholders[p.b],
      p.climb,
    ]);
    expect(top).toEqual([
      ['s-vp-sales', 's-cto', 5],
      ['s-cmo', 's-cto', 5],
      ['s-vp-sales', 's-cmo', 4],
    ]);
  });
});

describe('moveCell', () => {
  const size = { rows: 3, cols: 3 };
  const diagonal = (c: { row: number; col: number }) => c.row === c.col;
  it('moves one cell per arrow and jumps over a person’s cell with themselves', () => {
    expect(moveCell({ row: 0, col: 1 }, 'ArrowRight', size, diagonal)).toEqual({ row: 0, col: 2 });
    expect(moveCell({ row: 0, col: 1 }, 'ArrowDown', size, diagonal)).toEqual({ row: 2, col: 1 });
    expect(moveCell({ row: 1, col: 0 }, 'ArrowRight', size, diagonal)).toEqual({ row: 1, col: 2 });
    expect(moveCell({ row: 2, col: 1 }, 'ArrowUp', size, diagonal)).toEqual({ row: 0, col: 1 });
  });

  it('stays put at an edge, and when only the person’s own cell lies ahead', () => {
    expect(moveCell({ row: 0, col: 2 }, 'ArrowRight', size, diagonal)).toEqual({ row: 0, col: 2 });
    expect(moveCell({ row: 1, col: 2 }, 'ArrowUp', size, diagonal)).toEqual({ row: 0, col: 2 });
    expect(moveCell({ row: 2, col: 1 }, 'ArrowRight', size, diagonal)).toEqual({ row: 2, col: 1 });
  });

  it('goes to the first and last cell of the row with Home and End, and ignores other keys', () => {
    expect(moveCell({ row: 0, col: 2 }, 'Home', size, diagonal)).toEqual({ row: 0, col: 1 });
    expect(moveCell({ row: 2, col: 0 }, 'End', size, diagonal)).toEqual({ row: 2, col: 1 });
    expect(moveCell({ row: 1, col: 0 }, 'End', size, diagonal)).toEqual({ row: 1, col: 2 });
    expect(moveCell({ row: 1, col: 0 }, 'a', size, diagonal)).toBeNull();
  });
});
