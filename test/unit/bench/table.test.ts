import { describe, expect, it } from 'vitest';
import { checkTable, samplerFor, type BenchTable } from '../../bench/table';

const table = (rows: BenchTable['rows']): BenchTable => ({
  title: 'T',
  columns: ['a', 'b'],
  rows,
});

describe('checkTable (what makes a smoke run fail besides a throw)', () => {
  it('accepts rows that fill the columns with figures', () => {
    expect(checkTable(table([['x', 1.5]]))).toEqual([]);
  });

  it('names a table without rows, a row that does not fit and a missing figure', () => {
    expect(checkTable(table([]))).toEqual(['"T" has no rows']);
    expect(checkTable(table([['x']]))).toEqual(['"T" row 1 has 1 cells for 2 columns']);
    expect(
      checkTable(
        table([
          ['x', 'ok'],
          ['y', Number.NaN],
        ]),
      ),
    ).toEqual(['"T" row 2 has a missing figure: y | NaN']);
  });
});

describe('samplerFor', () => {
  it('times one run with no warm-up in a smoke run, as asked otherwise', () => {
    let calls = 0;
    const count = () => calls++;
    expect(samplerFor({ smoke: true })(count, 20, 5)).toHaveLength(1);
    expect(calls).toBe(1);
    expect(samplerFor({})(count, 20, 5)).toHaveLength(20);
    expect(calls).toBe(26);
  });
});
