import type { MapSummary } from '../../db/repository';

type Counts = MapSummary['counts'];

/** Largest unit first: "3 weeks ago" reads better than "21 days ago". */
const UNITS: readonly (readonly [Intl.RelativeTimeFormatUnit, number])[] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

// English to match the rest of the interface; `numeric: 'auto'` says "yesterday", not "1 day ago".
const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const absolute = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });

/** "5 minutes ago", relative to `nowMs`; a time in the future (clock skew) is "just now". */
export function describeAgo(iso: string, nowMs: number): string | null {
  const time = Date.parse(iso);
  if (!Number.isFinite(time)) return null;
  const seconds = Math.min(0, (time - nowMs) / 1000);
  for (const [unit, size] of UNITS) {
    if (-seconds >= size) return relative.format(Math.trunc(seconds / size), unit);
  }
  return 'just now';
}

/** "Edited 5 minutes ago", relative to `nowMs`. */
export function describeEdited(updatedAt: string, nowMs: number): string {
  const ago = describeAgo(updatedAt, nowMs);
  return ago ? `Edited ${ago}` : 'Edited at an unknown time';
}

/** "Last exported yesterday", or "Never exported": whether a copy exists outside the browser. */
export function describeExported(exportedAt: string | undefined, nowMs: number): string {
  if (exportedAt === undefined) return 'Never exported';
  return `Last exported ${describeAgo(exportedAt, nowMs) ?? 'at an unknown time'}`;
}

/** The exact time, for a tooltip beside the relative one. */
export function formatEditedAt(updatedAt: string): string {
  const time = Date.parse(updatedAt);
  return Number.isFinite(time) ? absolute.format(time) : '';
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** "26 goals · 7 stakeholders · 1 conflict" */
export function describeCounts({ goals, stakeholders, conflicts }: Counts): string {
  return [
    plural(goals, 'goal', 'goals'),
    plural(stakeholders, 'stakeholder', 'stakeholders'),
    plural(conflicts, 'conflict', 'conflicts'),
  ].join(' · ');
}
