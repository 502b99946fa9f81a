/** Shared shape and printing for `npm run bench`: every suite returns tables, run.ts prints them. */
export interface BenchTable {
  readonly title: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly (string | number)[])[];
  /** One line under the table: targets, baseline, what a ratio means. */
  readonly note?: string;
}

/** What run.ts hands every suite's `run`. */
export interface SuiteOptions {
  /** Smallest size, one run: proves the suite still works, in seconds (`npm run bench:smoke`). */
  readonly smoke?: boolean;
}

/** A suite's entry point: run.ts calls it with the options of the run. */
export type Suite = (options?: SuiteOptions) => Promise<BenchTable[]>;

/** What is wrong with a table's shape (rows that do not fit the columns, empty or NaN cells). */
export function checkTable(table: BenchTable): string[] {
  const problems: string[] = [];
  if (table.rows.length === 0) problems.push(`"${table.title}" has no rows`);
  table.rows.forEach((row, r) => {
    if (row.length !== table.columns.length) {
      problems.push(
        `"${table.title}" row ${r + 1} has ${row.length} cells for ${table.columns.length} columns`,
      );
    }
    if (row.some((cell) => /NaN|undefined/.test(String(cell)))) {
      problems.push(`"${table.title}" row ${r + 1} has a missing figure: ${row.join(' | ')}`);
    }
  });
  return problems;
}

/** p-th percentile (0–100) of samples, nearest-rank. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

/** Times fn `iterations` times (after `warmup` untimed runs) and returns milliseconds per call. */
export function sample(
  fn: () => unknown,
  iterations: number,
  warmup = Math.min(10, iterations),
): number[] {
  for (let i = 0; i < warmup; i++) fn();
  const out: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    fn();
    out.push(performance.now() - t0);
  }
  return out;
}

export type Sampler = typeof sample;

/** `sample` as asked, or one timed run and no warm-up in a smoke run. */
export const samplerFor =
  (options: SuiteOptions): Sampler =>
  (fn, iterations, warmup) =>
    options.smoke ? sample(fn, 1, 0) : sample(fn, iterations, warmup);

export const ms = (v: number): string =>
  v < 0.1 ? v.toFixed(4) : v < 10 ? v.toFixed(3) : v.toFixed(1);

export function formatTable(table: BenchTable): string {
  const cells = [table.columns, ...table.rows].map((r) => r.map(String));
  const widths = table.columns.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: readonly string[]) =>
    '| ' + r.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ') + ' |';
  const sep = '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|';
  const body = [line(cells[0] ?? []), sep, ...cells.slice(1).map(line)].join('\n');
  return `\n### ${table.title}\n\n${body}\n${table.note ? `\n${table.note}\n` : ''}`;
}
