import { asLinkId, newId, type GoalId, type LinkId } from '../ids';
import { ID, type RecordRules } from './rules';

/** "from contributes to to": an edge from a lower goal (child) up to a higher one (parent). */
export interface Link {
  readonly id: LinkId;
  readonly from: GoalId;
  readonly to: GoalId;
}

/** Self-links, repeats and cycles are rules between records: the invariants and linkGoals. */
export const LINK_RULES = { id: ID, from: ID, to: ID } satisfies RecordRules<Link>;

export function newLink(from: GoalId, to: GoalId, id?: LinkId): Link {
  return { id: id ?? asLinkId(newId('l')), from, to };
}
