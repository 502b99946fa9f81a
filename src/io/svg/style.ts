import type { Highlight, PartyPath } from '../../domain/highlight';
import type { GoalId, StakeholderId } from '../../domain/ids';
import { safeColor } from '../xml';

/** The canvas palette (src/ui/styles.css), so an exported picture looks like the screen. */
export const COLORS = {
  ink: '#1f2933',
  muted: '#5f6b76',
  /** A shade darker than the canvas's border: a picture has no drop shadow to outline a KPI. */
  kpiBorder: '#adb5bd',
  mission: '#1b2a41',
  missionKind: '#c5d0e0',
  objective: '#364fc7',
  nearest: '#f08c00',
  edge: '#868e96',
  white: '#ffffff',
} as const;

export const FONT_FAMILY =
  "Inter, 'Segoe UI', system-ui, -apple-system, 'DejaVu Sans', 'Helvetica Neue', Arial, sans-serif";

/** Everything off the parties' paths while a common-ground view is open. */
export const DIM_OPACITY = 0.25;

/** The common-ground view as the exports draw it: the same shape the canvas draws. */
export type SvgPartyPath = PartyPath;
export type SvgHighlight = Highlight;

/** What each node and edge looks like under a highlight, looked up by id while drawing. */
export interface Emphasis {
  readonly active: boolean;
  /** Colours of the parties whose path passes through a goal, first party first. */
  goalColors(goalId: GoalId): readonly string[];
  /** The colour of the first party whose path walks this link, if any. */
  linkColor(from: GoalId, to: GoalId): string | undefined;
  isParty(stakeholderId: StakeholderId): boolean;
  readonly nearestGoalId: GoalId | null;
}

const NONE: readonly string[] = [];

export function toEmphasis(highlight: SvgHighlight | null): Emphasis {
  const goalColors = new Map<GoalId, string[]>();
  const linkColors = new Map<GoalId, Map<GoalId, string>>();
  const parties = new Set<StakeholderId>();
  for (const party of highlight?.paths ?? []) {
    const color = safeColor(party.color, COLORS.nearest);
    parties.add(party.stakeholderId);
    party.path.forEach((goalId, i) => {
      const colors = goalColors.get(goalId) ?? [];
      if (!colors.includes(color)) colors.push(color);
      goalColors.set(goalId, colors);
      const parent = party.path[i + 1];
      if (parent === undefined) return;
      const fromHere = linkColors.get(goalId) ?? new Map<GoalId, string>();
      if (!fromHere.has(parent)) fromHere.set(parent, color);
      linkColors.set(goalId, fromHere);
    });
  }
  return {
    active: highlight != null,
    goalColors: (goalId) => goalColors.get(goalId) ?? NONE,
    linkColor: (from, to) => linkColors.get(from)?.get(to),
    isParty: (stakeholderId) => parties.has(stakeholderId),
    nearestGoalId: highlight?.nearestGoalId ?? null,
  };
}
