import type { AlignmentMatrix } from '../../domain/engine';
import type { StakeholderId } from '../../domain/ids';

/**
 * Pure helpers behind the alignment matrix: orders, heat levels and the words a screen reader
 * hears for each cell. Kept apart from the component so they can be tested without a browser.
 */

/** The order people are listed in along both axes. */
export type PeopleOrder = 'map' | 'name' | 'furthest';

/** Rows sorted by their climb to one column's stakeholder (a sortable column header). */
export interface ColumnSort {
  readonly column: StakeholderId;
  readonly direction: 'ascending' | 'descending';
}

/** How far one person is from everybody else, compared in this order (largest first). */
interface Spread {
  readonly unreachable: number;
  readonly longest: number;
  readonly total: number;
}

function spreadOf(climbs: readonly number[], self: number): Spread {
  let unreachable = 0;
  let longest = 0;
  let total = 0;
  climbs.forEach((c, j) => {
    if (j === self) return;
    if (!Number.isFinite(c)) unreachable++;
    else {
      total += c;
      if (c > longest) longest = c;
    }
  });
  return { unreachable, longest, total };
}

const compareSpread = (a: Spread, b: Spread): number =>
  b.unreachable - a.unreachable || b.longest - a.longest || b.total - a.total;

/**
 * Positions into matrix.stakeholders in the chosen order. 'furthest' puts first whoever shares
 * a goal with the fewest people, then whoever has the longest climb; ties keep map order.
 */
export function orderPeople(
  matrix: AlignmentMatrix,
  nameOf: (id: StakeholderId) => string,
  order: PeopleOrder,
): number[] {
  const positions = matrix.stakeholders.map((_, i) => i);
  if (order === 'map') return positions;
  if (order === 'name') {
    const names = matrix.stakeholders.map(nameOf);
    return positions.sort((a, b) => (names[a] ?? '').localeCompare(names[b] ?? ''));
  }
  const spreads = matrix.climbs.map(spreadOf);
  const none: Spread = { unreachable: 0, longest: 0, total: 0 };
  return positions.sort((a, b) => compareSpread(spreads[a] ?? none, spreads[b] ?? none));
}

/** Rows reordered by their climb to the sorted column; ∞ counts as the largest climb. */
export function sortRowsByColumn(
  matrix: AlignmentMatrix,
  rows: readonly number[],
  sort: ColumnSort,
): number[] {
  const column = matrix.stakeholders.indexOf(sort.column);
  if (column < 0) return [...rows];
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const climb = (row: number) => matrix.climbs[row]?.[column] ?? Infinity;
  return [...rows].sort((a, b) => {
    const [ca, cb] = [climb(a), climb(b)];
    if (ca === cb) return 0;
    return (ca < cb ? -1 : 1) * sign;
  });
}

/** Heat levels 1–5 (0 is "share a goal"); small maps get one level per link climbed. */
export const HEAT_LEVELS = 5;

/** The largest finite climb off the diagonal, which the heat scale stretches to. */
export function largestClimb(matrix: AlignmentMatrix): number {
  let max = 0;
  matrix.climbs.forEach((row, i) => {
    row.forEach((c, j) => {
      if (i !== j && Number.isFinite(c) && c > max) max = c;
    });
  });
  return max;
}

/** 0 for a climb of 0, 1–5 from a short to the longest climb, null for no common goal. */
export function heatLevel(climb: number, largest: number): number | null {
  if (!Number.isFinite(climb)) return null;
  if (climb <= 0) return 0;
  const scale = Math.max(largest, HEAT_LEVELS);
  return Math.min(HEAT_LEVELS, Math.max(1, Math.ceil((climb / scale) * HEAT_LEVELS)));
}

/** What a cell shows: the climb, or ∞ when there is nothing to climb to. */
export const climbText = (climb: number): string => (Number.isFinite(climb) ? String(climb) : '∞');

/** The mark of a pair on the conflict radar, shown after its climb (text, not colour alone). */
export const RADAR_MARK = '⚠';

/** One key per unordered pair of stakeholders, for looking up the radar's pairs. */
export const pairKey = (a: string, b: string): string =>
  a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;

/**
 * The accessible name of a cell, e.g. "Dana Reyes and Tom Okafor: total climb 3 to Grow ARR
 * efficiently"; for ∞ it says why (no shared goal, or who holds no incentive). A pair on the
 * conflict radar gets the radar's reason after it.
 */
export function cellLabel(cell: {
  readonly a: string;
  readonly b: string;
  readonly climb: number;
  readonly goal: string | null;
  readonly withoutIncentives: readonly string[];
  readonly radarReason?: string | null;
}): string {
  const radar = cell.radarReason
    ? `. ${RADAR_MARK} On the conflict radar: ${cell.radarReason}`
    : '';
  return climbLabel(cell) + radar;
}

function climbLabel(cell: Parameters<typeof cellLabel>[0]): string {
  const pair = `${cell.a} and ${cell.b}`;
  if (Number.isFinite(cell.climb) && cell.goal !== null) {
    return `${pair}: total climb ${cell.climb} to ${cell.goal}`;
  }
  if (cell.withoutIncentives.length > 0) {
    const who = cell.withoutIncentives.join(' and ');
    return `${pair}: no common goal, ${who} ${cell.withoutIncentives.length === 1 ? 'has' : 'have'} no incentives`;
  }
  return `${pair}: no common goal`;
}

/** One pair of people and their climb, for the "furthest apart" list. */
export interface PairClimb {
  readonly a: number;
  readonly b: number;
  readonly climb: number;
}

/** The `limit` pairs with the longest climbs (no common goal first), then in map order. */
export function furthestPairs(matrix: AlignmentMatrix, limit: number): PairClimb[] {
  const pairs: PairClimb[] = [];
  matrix.climbs.forEach((row, a) => {
    for (let b = a + 1; b < row.length; b++) pairs.push({ a, b, climb: row[b] ?? Infinity });
  });
  return pairs
    .filter((p) => p.climb > 0)
    .sort((x, y) => (x.climb === y.climb ? 0 : x.climb < y.climb ? 1 : -1))
    .slice(0, limit);
}

/** A cell by its place on screen: row and column positions in the displayed order. */
export interface CellPosition {
  readonly row: number;
  readonly col: number;
}

const STEPS: Readonly<Record<string, readonly [number, number]>> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

/**
 * Where a navigation key moves focus in the grid of cells (arrows, Home, End), skipping a
 * person's cell with themselves; null when the key is not a navigation key. Moving past an edge
 * stays put.
 */
export function moveCell(
  at: CellPosition,
  key: string,
  size: { readonly rows: number; readonly cols: number },
  isSelf: (cell: CellPosition) => boolean,
): CellPosition | null {
  const inside = (c: CellPosition) =>
    c.row >= 0 && c.row < size.rows && c.col >= 0 && c.col < size.cols;
  const walk = (from: CellPosition, [dr, dc]: readonly [number, number]): CellPosition => {
    let next = { row: from.row + dr, col: from.col + dc };
    if (inside(next) && isSelf(next)) next = { row: next.row + dr, col: next.col + dc };
    return inside(next) ? next : at;
  };
  const step = STEPS[key];
  if (step) return walk(at, step);
  if (key === 'Home') return walk({ row: at.row, col: -1 }, [0, 1]);
  if (key === 'End') return walk({ row: at.row, col: size.cols }, [0, -1]);
  return null;
}
