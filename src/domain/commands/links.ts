import { newLink } from '../factories';
import { findUpPath } from '../graph';
import type { GoalId, LinkId } from '../ids';
import type { MapDocument } from '../model';
import { ok } from '../result';
import { cycle, duplicate, duplicateId, invalid, notFound } from './errors';
import type { CommandResult } from './errors';
import { brokenRules, LINK_RULES } from '../records';
import { goalTitles, hasId, refuseBroken } from './records';

/**
 * Links `from` (the child) up to `to` (the parent it contributes to). Refuses a self-link, a
 * second link between the same two goals, and any link that would close a cycle; the cycle's
 * goals are named by title in the message.
 */
export function linkGoals(doc: MapDocument, from: GoalId, to: GoalId, id?: LinkId): CommandResult {
  if (!hasId(doc.goals, from)) return notFound('goal', from);
  if (!hasId(doc.goals, to)) return notFound('goal', to);
  const title = goalTitles(doc);
  if (from === to) {
    return invalid('to', `"${title(from)}" cannot contribute to itself.`);
  }
  const existing = doc.links.find((l) => l.from === from && l.to === to);
  if (existing) {
    return duplicate(
      'link',
      existing.id,
      `"${title(from)}" already contributes to "${title(to)}".`,
    );
  }
  if (id !== undefined && hasId(doc.links, id)) return duplicateId('link', id);
  const upFromParent = findUpPath(doc, to, from);
  if (upFromParent) {
    const goals = [from, ...upFromParent];
    return cycle(
      goals,
      `Linking "${title(from)}" to "${title(to)}" would create a cycle: ${goals.map(title).join(' → ')}`,
    );
  }
  const link = newLink(from, to, id);
  return refuseBroken(brokenRules(link, LINK_RULES)) ?? ok({ ...doc, links: [...doc.links, link] });
}

/** Which link to remove: by its id, or by the two goals it joins. */
export type LinkRef = { readonly linkId: LinkId } | { readonly from: GoalId; readonly to: GoalId };

export function unlinkGoals(doc: MapDocument, which: LinkRef): CommandResult {
  if ('linkId' in which) {
    const links = doc.links.filter((l) => l.id !== which.linkId);
    if (links.length === doc.links.length) return notFound('link', which.linkId);
    return ok({ ...doc, links });
  }
  const { from, to } = which;
  const index = doc.links.findIndex((l) => l.from === from && l.to === to);
  const link = doc.links[index];
  if (link === undefined) {
    const title = goalTitles(doc);
    return notFound(
      'link',
      `${from} → ${to}`,
      `"${title(from)}" does not contribute to "${title(to)}".`,
    );
  }
  return ok({ ...doc, links: doc.links.filter((_, i) => i !== index) });
}
