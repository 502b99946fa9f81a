import type { MapDocument } from '../domain/model';

export interface CollapseView {
  /** Goals not drawn because every path to them runs through a folded goal. */
  readonly hiddenGoals: ReadonlySet<string>;
  /**
   * Stakeholders not drawn because every goal they hold is hidden; apart from the goals, as a
   * person and a goal may share an id.
   */
  readonly hiddenPeople: ReadonlySet<string>;
  /** For each folded goal, how many goals are hidden below it (shown on its badge). */
  readonly hiddenBelow: ReadonlyMap<string, number>;
}

const NOTHING_FOLDED: CollapseView = {
  hiddenGoals: new Set(),
  hiddenPeople: new Set(),
  hiddenBelow: new Map(),
};

/**
 * Which nodes a folded subtree hides. A goal stays visible while any of its parents is visible and
 * unfolded (goals can contribute to several parents); a person stays visible while any goal they
 * hold is. Iterative: maps can be deep.
 */
export function collapseView(doc: MapDocument, collapsed: readonly string[]): CollapseView {
  if (collapsed.length === 0) return NOTHING_FOLDED;
  const folded = new Set<string>(collapsed);
  const children = new Map<string, string[]>();
  const hasParent = new Set<string>();
  for (const l of doc.links) {
    hasParent.add(l.from);
    const list = children.get(l.to);
    if (list) list.push(l.from);
    else children.set(l.to, [l.from]);
  }
  const visible = new Set<string>();
  const stack: string[] = doc.goals.filter((g) => !hasParent.has(g.id)).map((g) => g.id);
  while (stack.length > 0) {
    const id = stack.pop() ?? '';
    if (visible.has(id)) continue;
    visible.add(id);
    if (!folded.has(id)) stack.push(...(children.get(id) ?? []));
  }
  const hiddenGoals = new Set(doc.goals.filter((g) => !visible.has(g.id)).map((g) => g.id));
  const heldVisible = new Set<string>();
  for (const i of doc.incentives) if (visible.has(i.goalId)) heldVisible.add(i.stakeholderId);
  const holders = new Set(doc.incentives.map((i) => i.stakeholderId));
  const hiddenPeople = new Set(
    doc.stakeholders.filter((s) => holders.has(s.id) && !heldVisible.has(s.id)).map((s) => s.id),
  );
  return {
    hiddenGoals,
    hiddenPeople,
    hiddenBelow: countHiddenBelow(folded, children, hiddenGoals),
  };
}

function countHiddenBelow(
  folded: ReadonlySet<string>,
  children: ReadonlyMap<string, readonly string[]>,
  hidden: ReadonlySet<string>,
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const root of folded) {
    const seen = new Set<string>();
    const stack = [...(children.get(root) ?? [])];
    while (stack.length > 0) {
      const id = stack.pop() ?? '';
      if (seen.has(id) || !hidden.has(id)) continue;
      seen.add(id);
      stack.push(...(children.get(id) ?? []));
    }
    counts.set(root, seen.size);
  }
  return counts;
}
