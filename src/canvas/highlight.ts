import type { Highlight } from '../domain/highlight';

/** Per-element emphasis derived from a highlight, looked up by id while building nodes/edges. */
export interface HighlightLookup {
  readonly active: boolean;
  readonly goalColors: ReadonlyMap<string, readonly string[]>;
  readonly linkColors: ReadonlyMap<string, readonly string[]>;
  readonly parties: ReadonlySet<string>;
  readonly nearestGoalId: string | null;
}

export const linkKey = (from: string, to: string): string => `${from}→${to}`;

function pushColor(map: Map<string, string[]>, key: string, color: string): void {
  const colors = map.get(key);
  if (!colors) map.set(key, [color]);
  else if (!colors.includes(color)) colors.push(color);
}

export function toHighlightLookup(highlight: Highlight | null): HighlightLookup {
  const goalColors = new Map<string, string[]>();
  const linkColors = new Map<string, string[]>();
  const parties = new Set<string>();
  for (const p of highlight?.paths ?? []) {
    parties.add(p.stakeholderId);
    p.path.forEach((goalId, i) => {
      pushColor(goalColors, goalId, p.color);
      const parent = p.path[i + 1];
      if (parent !== undefined) pushColor(linkColors, linkKey(goalId, parent), p.color);
    });
  }
  return {
    active: highlight !== null,
    goalColors,
    linkColors,
    parties,
    nearestGoalId: highlight?.nearestGoalId ?? null,
  };
}
