/** Shared shape and printing for `npm run bench`: every suite returns tables, run.ts prints them. */
export interface BenchTable {
  readonly title: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly (string | number)[])[];
  /** One line under the table: targets, baseline, what a ratio means. */
  readonly note?: string;
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
