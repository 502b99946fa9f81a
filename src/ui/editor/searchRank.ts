import type { GoalId, StakeholderId } from '../../domain/ids';
import type { MapDocument } from '../../domain/model';

export type SearchMatch =
  | { readonly kind: 'goal'; readonly id: GoalId; readonly label: string }
  | { readonly kind: 'stakeholder'; readonly id: StakeholderId; readonly label: string };

export const MAX_MATCHES = 8;

/** How well a text matches: lower is better, null when it does not match at all. */
const EXACT = 0;
const STARTS = 1;
const WORD_START = 2;
const INSIDE = 3;

export function rankText(text: string, q: string): number | null {
  const t = text.toLowerCase();
  if (t === q) return EXACT;
  if (t.startsWith(q)) return STARTS;
  const at = t.indexOf(q);
  if (at < 0) return null;
  // A word starts where the match does: "Tom" in "Tom Okafor" or "okafor" in "Tom Okafor".
  return /[\p{L}\p{N}]/u.test(t.charAt(at - 1)) ? INSIDE : WORD_START;
}

/** A person's best rank over name, role and team; the name wins a tie, as the label shows it. */
function rankPerson(fields: readonly string[], q: string): number | null {
  const ranks = fields.map((f) => rankText(f, q)).filter((r): r is number => r !== null);
  return ranks.length === 0 ? null : Math.min(...ranks);
}

/**
 * Goals by title and people by name, role or team, ranked together: exact matches first, then
 * titles or names that start with the query, then a word that does, then any other place; ties
 * go alphabetically. "Tom" finds Tom Okafor before "Customers stay and expand".
 */
export function findMatches(doc: MapDocument, query: string): SearchMatch[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [];
  const ranked: { match: SearchMatch; rank: number }[] = [];
  for (const g of doc.goals) {
    const rank = rankText(g.title, q);
    if (rank !== null) ranked.push({ match: { kind: 'goal', id: g.id, label: g.title }, rank });
  }
  for (const s of doc.stakeholders) {
    const rank = rankPerson([s.name, s.role, s.team], q);
    if (rank !== null) {
      ranked.push({ match: { kind: 'stakeholder', id: s.id, label: s.name }, rank });
    }
  }
  ranked.sort((a, b) => a.rank - b.rank || a.match.label.localeCompare(b.match.label));
  return ranked.slice(0, MAX_MATCHES).map((r) => r.match);
}
