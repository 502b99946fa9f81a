import { useId, useMemo } from 'react';
import { linkGoals } from '../../domain/commands';
import { getLinkIndex } from '../../domain/graph';
import { computeMapHealth, type HealthItem } from '../../domain/health';
import type { Goal, MapDocument } from '../../domain/model';
import { sessionStore } from '../../store/sessionStore';
import { applyEdit } from '../applyEdit';
import { namesOf, type Names } from '../explain';
import { describeHealthItem, groupOf, HEALTH_GROUPS, healthSummary } from './healthText';
import './health.css';

const session = () => sessionStore.getState();

/** Enough tops to recognise the trees by; loose goals are also listed one by one below. */
const TOPS_SHOWN = 6;
/** Per group: a generated or imported map can have thousands of loose goals. */
const ITEMS_SHOWN = 50;

/** The buttons that lead to the place to fix an item (and, where it is unambiguous, fix it). */
function FixLinks({
  item,
  doc,
  names,
  mission,
}: {
  item: HealthItem;
  doc: MapDocument;
  names: Names;
  mission: Goal | undefined;
}) {
  switch (item.kind) {
    case 'separate-trees': {
      const hidden = item.topGoalIds.length - TOPS_SHOWN;
      return (
        <>
          {item.topGoalIds.slice(0, TOPS_SHOWN).map((g) => (
            <button
              key={g}
              type="button"
              className="cg-button"
              onClick={() => session().select({ goals: [g] })}
            >
              Show “{names.goal(g)}”
            </button>
          ))}
          {hidden > 0 && <span className="cg-hint">and {hidden} more</span>}
        </>
      );
    }
    case 'goal-without-parent':
      return (
        <>
          <button
            type="button"
            className="cg-button"
            onClick={() => session().select({ goals: [item.goalId] })}
          >
            Show “{names.goal(item.goalId)}”
          </button>
          {mission && (
            <button
              type="button"
              className="cg-button"
              onClick={() => applyEdit((d) => linkGoals(d, item.goalId, mission.id))}
            >
              Link “{names.goal(item.goalId)}” under “{mission.title}”
            </button>
          )}
        </>
      );
    case 'stakeholder-without-incentives':
      return (
        <button
          type="button"
          className="cg-button"
          onClick={() => session().select({ stakeholders: [item.stakeholderId] })}
        >
          Show {names.party(item.stakeholderId)}
        </button>
      );
    case 'conflict-without-common-goal': {
      const conflict = doc.conflicts.find((c) => c.id === item.conflictId);
      return (
        conflict && (
          <button
            type="button"
            className="cg-button"
            onClick={() => session().openConflict(conflict)}
          >
            Open conflict: {conflict.title}
          </button>
        )
      );
    }
  }
}

const itemKey = (item: HealthItem): string => {
  switch (item.kind) {
    case 'separate-trees':
      return item.kind;
    case 'goal-without-parent':
      return `${item.kind}-${item.goalId}`;
    case 'stakeholder-without-incentives':
      return `${item.kind}-${item.stakeholderId}`;
    case 'conflict-without-common-goal':
      return `${item.kind}-${item.conflictId}`;
  }
};

/**
 * Map health: what keeps the map from answering "what do they share?", grouped, each item with a
 * button to the place to fix it. Computed once per document revision while the panel is open.
 */
export function HealthPanel({ doc }: { doc: MapDocument }) {
  const headingId = useId();
  const items = useMemo(() => computeMapHealth(doc), [doc]);
  const names = namesOf(doc);
  const conflict = (id: string) => doc.conflicts.find((c) => c.id === id);
  // The mission to hang loose goals under: the first one at the top of a tree.
  const mission = useMemo(() => {
    const { parents } = getLinkIndex(doc.links);
    return doc.goals.find((g) => g.kind === 'mission' && !parents.has(g.id));
  }, [doc]);
  return (
    <section aria-labelledby={headingId} className="cg-health">
      <h2 id={headingId}>Map health</h2>
      {items.length === 0 ? (
        <p className="cg-health__clear" role="status">
          <strong>All clear.</strong> Every goal sits in one tree under the mission, everyone holds
          an incentive, and every conflict has common ground.
        </p>
      ) : (
        <p className="cg-health__summary" role="status">
          {healthSummary(items.length)}
        </p>
      )}
      {HEALTH_GROUPS.map((group) => {
        const inGroup = items.filter((i) => groupOf(i) === group);
        if (inGroup.length === 0) return null;
        return (
          <section key={group} aria-label={group} className="cg-health__group">
            <h3>{group}</h3>
            <ul>
              {inGroup.slice(0, ITEMS_SHOWN).map((item) => (
                <li key={itemKey(item)} className="cg-health__item">
                  <p>{describeHealthItem(item, names, conflict)}</p>
                  <div className="cg-row">
                    <FixLinks item={item} doc={doc} names={names} mission={mission} />
                  </div>
                </li>
              ))}
            </ul>
            {inGroup.length > ITEMS_SHOWN && (
              <p className="cg-hint">…and {inGroup.length - ITEMS_SHOWN} more like these.</p>
            )}
          </section>
        );
      })}
    </section>
  );
}
