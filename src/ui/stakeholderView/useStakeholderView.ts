import { useMemo } from 'react';
import type { Highlight } from '../../domain/highlight';
import type { MapDocument } from '../../domain/model';
import { useSessionStore, type SessionState } from '../../store/sessionStore';
import {
  computeStakeholderView,
  toStakeholderHighlight,
  type StakeholderView,
} from './stakeholderView';

const selectViewed = (s: SessionState) =>
  s.openPanel === 'stakeholder' ? s.viewedStakeholderId : null;

/** The person being viewed and what the canvas should emphasise; nulls while the panel is shut. */
export function useStakeholderView(doc: MapDocument): {
  view: StakeholderView | null;
  highlight: Highlight | null;
} {
  const viewed = useSessionStore(selectViewed);
  return useMemo(() => {
    const view = viewed ? computeStakeholderView(doc, viewed) : null;
    return { view, highlight: view ? toStakeholderHighlight(doc, view) : null };
  }, [doc, viewed]);
}
