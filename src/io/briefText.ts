/** Words shared by the conflict brief and its talking points. */
import type { IncentiveKind, MapDocument } from '../domain/model';
import { escapeMarkdown } from './markdown';

/** Names for ids, escaped for Markdown once here so no sentence can forget to. */
export interface BriefNames {
  /** The goal's title in bold. */
  goal(id: string): string;
  party(id: string): string;
}

export function briefNames(doc: MapDocument): BriefNames {
  const goals = new Map<string, string>(doc.goals.map((g) => [g.id, g.title]));
  const people = new Map<string, string>(doc.stakeholders.map((s) => [s.id, s.name]));
  return {
    goal: (id) => `**${escapeMarkdown(goals.get(id) ?? id)}**`,
    party: (id) => escapeMarkdown(people.get(id) ?? id),
  };
}

/** How people say it: "Dana is rewarded on New ARR", "Jonas is motivated by craft". */
export const KIND_PHRASES: Readonly<Record<IncentiveKind, string>> = {
  measured: 'measured on',
  rewarded: 'rewarded on',
  motivated: 'motivated by',
};

export const levels = (n: number): string => (n === 1 ? '1 level' : `${n} levels`);

/** "weight 60%" for an incentive's 0–1 weight. */
export const formatWeight = (weight: number): string => `weight ${Math.round(weight * 100)}%`;

/** The mission in bold, or "the mission" when the map has none yet. */
export function missionOf(doc: MapDocument, names: BriefNames): string {
  const mission = doc.goals.find((g) => g.kind === 'mission');
  return mission ? names.goal(mission.id) : 'the mission';
}
