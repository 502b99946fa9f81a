import { ControlButton } from '@xyflow/react';
import type { MapId } from '../domain/ids';
import type { App } from '../store/app';
import { useApp } from '../store/appContext';
import { changeOrientation, useMapView } from '../store/mapViewStore';
import { relayoutAndFit } from './exportView';

/** The name of the switch, wherever it is offered (the canvas's view controls, the palette). */
export const ORIENTATION_LABEL = 'Left to right layout';
export const ORIENTATION_DESCRIPTION =
  'Draw this map left to right (pressed) or top-down, and lay it out again';

/**
 * Turns the open map's tree the other way, remembered for this map on this device, and lays the
 * map out again as Auto layout does (pins released, one undoable edit), then shows all of it.
 */
export function switchOrientation(app: App, mapId: MapId): void {
  const now = app.mapViewStore.getState().orientation;
  changeOrientation(app, mapId, now === 'leftRight' ? 'topDown' : 'leftRight');
  relayoutAndFit(app, { releasePins: true });
}

/**
 * The switch among the canvas's view controls (under zoom in and out), pressed while the map
 * runs left to right; its icon is a small tree lying on its side.
 */
export function OrientationControl({ mapId }: { readonly mapId: MapId }) {
  const app = useApp();
  const sideways = useMapView((s) => s.orientation === 'leftRight');
  return (
    <ControlButton
      className="cg-orientation"
      onClick={() => switchOrientation(app, mapId)}
      aria-label={ORIENTATION_LABEL}
      aria-pressed={sideways}
      title={ORIENTATION_DESCRIPTION}
    >
      <svg viewBox="0 0 16 16" aria-hidden="true">
        <path
          d="M1.5 6h4v4h-4zM10.5 1.5h4v4h-4zM10.5 10.5h4v4h-4zM5.5 8h2.5M8 3.5v9M8 3.5h2.5M8 12.5h2.5"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.5"
        />
      </svg>
    </ControlButton>
  );
}
