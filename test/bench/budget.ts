/**
 * The first screen's budget (issue #10: 200 KB gzip of JavaScript and CSS; the mandated
 * libraries alone take about 152 KB of it). `npm test` runs the bundle suite in its benchmark
 * smoke run, so a first screen that grows past it fails the build, naming what takes the space.
 */
export const BUDGET_KB = 200;

export interface SizedPart {
  readonly name: string;
  /** gzip bytes. */
  readonly gzip: number;
}

const kb = (bytes: number): string => (bytes / 1024).toFixed(1);
const largest = (parts: readonly SizedPart[], count: number): string =>
  [...parts]
    .sort((a, b) => b.gzip - a.gzip)
    .slice(0, count)
    .map((p) => `${p.name} ${kb(p.gzip)} KB`)
    .join(', ');

/**
 * Null within budget; otherwise what to look at: the first screen's files, its largest packages
 * and its largest modules of our own code (where a new static import usually shows up).
 */
export function overBudget(
  files: readonly SizedPart[],
  packages: readonly SizedPart[],
  ownModules: readonly SizedPart[],
  budgetKb = BUDGET_KB,
): string | null {
  const total = files.reduce((sum, f) => sum + f.gzip, 0);
  if (total <= budgetKb * 1024) return null;
  return [
    `The first screen is ${kb(total)} KB gzip, ${kb(total - budgetKb * 1024)} KB over its ${budgetKb} KB budget.`,
    `Files: ${largest(files, files.length)}.`,
    `Largest packages: ${largest(packages, 8)}.`,
    `Largest modules of our own: ${largest(ownModules, 12)}.`,
    'Move what the first screen does not show behind lazyPart (src/ui/lazyPart.ts).',
  ].join('\n');
}
