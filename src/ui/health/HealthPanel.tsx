import { useApp } from '../../store/appContext';
import type { App } from '../../store/app';
import { useId, useMemo, type ReactNode } from 'react';
import { linkGoals } from '../../domain/commands';
import { getLinkIndex } from '../../domain/graph';
import { computeMapHealth, type HealthItem } from '../../domain/health';
import type { GoalId } from '../../domain/ids';
import type { Goal, MapDocument } from '../../domain/model';
import { applyEdit } from '../../store/applyEdit';
import { namesOf, type Names } from '../explain';
import { describeHealthItem, groupOf, HEALTH_GROUPS, healthSummary } from './healthText';
import { SetAsideList, useSetAside } from './SetAsideList';
import './health.css';

const session = (app: App) => app.sessionStore.getState();

/** Enough tops to recognise the trees by; loose goals are also listed one by one below. */
const TOPS_SHOWN = 6;
/** Per group: a generated or imported map can have thousands of loose goals. */
const ITEMS_SHOWN = 50;

function Action({ onClick, children }: { onClick: () => void; children: ReactNode }) {
  return (
    <button type="button" className="cg-button" onClick={onClick}>
      {children}
    </button>
  );
}

function ShowGoal({ goalId, names }: { goalId: GoalId; names: Names }) {
  const app = useApp();
  return (
    <Action onClick={() => session(app).select([{ kind: 'goal', id: goalId }])}>
      Show “{names.goal(goalId)}”
    </Action>
  );
}

function TopGoalLinks({ tops, names }: { tops: readonly GoalId[]; names: Names }) {
  const hidden = tops.length - TOPS_SHOWN;
  return (
    <>
      {tops.slice(0, TOPS_SHOWN).map((g) => (
        <ShowGoal key={g} goalId={g} names={names} />
      ))}
      {hidden > 0 && <span className="cg-hint">and {hidden} more</span>}
    </>
  );
}

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
  const app = useApp();
  switch (item.kind) {
    case 'separate-trees':
      return <TopGoalLinks tops={item.topGoalIds} names={names} />;
    case 'goal-without-parent':
      return (
        <>
          <ShowGoal goalId={item.goalId} names={names} />
          {mission && (
            <Action onClick={() => applyEdit(app, (d) => linkGoals(d, item.goalId, mission.id))}>
              Link “{names.goal(item.goalId)}” under “{mission.title}”
            </Action>
          )}
        </>
      );
    case 'stakeholder-without-incentives':
    case 'stakeholder-without-manager':
      return (
        <Action
          onClick={() => session(app).select([{ kind: 'stakeholder', id: item.stakeholderId }])}
        >
          Show {names.party(item.stakeholderId)}
        </Action>
      );
    case 'conflict-without-common-goal':
    case 'escalation-owns-no-goal': {
      const conflict = doc.conflicts.find((c) => c.id === item.conflictId);
      return (
        conflict && (
          <Action onClick={() => session(app).openConflict(conflict)}>
            Open conflict: {conflict.title}
          </Action>
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
    case 'stakeholder-without-manager':
      return `${item.kind}-${item.stakeholderId}`;
    case 'conflict-without-common-goal':
    case 'escalation-owns-no-goal':
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
  const setAside = useSetAside();
  const total = items.length + setAside.length;
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
      {total === 0 ? (
        <p className="cg-health__clear" role="status">
          <strong>All clear.</strong> Every goal sits in one tree under the mission, everyone holds
          an incentive, and every conflict has common ground.
        </p>
      ) : (
        <p className="cg-health__summary" role="status">
          {healthSummary(total)}
        </p>
      )}
      <SetAsideList items={setAside} />
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
