import { useMemo } from 'react';
import {
  selectSelectedGoalIds,
  selectSelectedIncentiveIds,
  selectSelectedLinkIds,
  selectSelectedStakeholderIds,
  selectSelectedTradeOffIds,
  useSessionStore,
} from '../store/sessionStore';

/** Everything selected on the canvas as one set, rebuilt only when the selection changes. */
export function useSelectedIds(): ReadonlySet<string> {
  const goals = useSessionStore(selectSelectedGoalIds);
  const people = useSessionStore(selectSelectedStakeholderIds);
  const links = useSessionStore(selectSelectedLinkIds);
  const incentives = useSessionStore(selectSelectedIncentiveIds);
  const tradeOffs = useSessionStore(selectSelectedTradeOffIds);
  return useMemo(
    () => new Set<string>([...goals, ...people, ...links, ...incentives, ...tradeOffs]),
    [goals, people, links, incentives, tradeOffs],
  );
}
