import { useMemo } from 'react';
import type { Highlight } from '../../domain/highlight';
import type { MapDocument } from '../../domain/model';
import { useSessionStore, type SessionState } from '../../store/sessionStore';
import { lazyModule, useLazyModule } from '../lazyPart';
import type { StakeholderView } from './stakeholderView';

/** The view walks the tree with the engine, which the first screen does not need. */
const viewCode = lazyModule(() => import('./stakeholderView'), { whenIdle: true });

const selectViewed = (s: SessionState) =>
  s.openPanel === 'stakeholder' ? s.viewedStakeholderId : null;

/** The person being viewed and what the canvas should emphasise; nulls while the panel is shut. */
export function useStakeholderView(doc: MapDocument): {
  view: StakeholderView | null;
  highlight: Highlight | null;
} {
  const viewed = useSessionStore(selectViewed);
  const code = useLazyModule(viewCode, viewed !== null);
  return useMemo(() => {
    const view = viewed && code ? code.computeStakeholderView(doc, viewed) : null;
    return { view, highlight: view && code ? code.toStakeholderHighlight(doc, view) : null };
  }, [code, doc, viewed]);
}
