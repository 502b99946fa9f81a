import type { ReactNode } from 'react';
import {
  selectOpenPanel,
  sessionStore,
  useSessionStore,
  type Panel,
} from '../../store/sessionStore';

function PanelButton({ panel, children }: { panel: Panel; children: ReactNode }) {
  const open = useSessionStore(selectOpenPanel) === panel;
  return (
    <button
      type="button"
      className="cg-button"
      aria-pressed={open}
      onClick={() => sessionStore.getState().setOpenPanel(open ? null : panel)}
    >
      {children}
    </button>
  );
}

/** The toolbar's way into the map-wide views: conflicts, the alignment matrix and map health. */
export function InsightButtons() {
  return (
    <>
      <PanelButton panel="conflicts">Conflicts</PanelButton>
      <PanelButton panel="alignment">Alignment matrix</PanelButton>
      <PanelButton panel="health">Map health</PanelButton>
    </>
  );
}
