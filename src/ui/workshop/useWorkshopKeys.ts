import type { App } from '../../store/app';
import { useApp } from '../../store/appContext';
import type { Action } from '../actions/action';
import { describeKeys } from '../actions/keys';
import { useActionKeys } from '../actions/useActionKeys';

/** Leaves full screen if the browser granted it; a refusal is fine, the mode works without it. */
export function leaveWorkshop(app: App): void {
  app.workshopStore.getState().stop();
  if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
}

interface WorkshopContext {
  readonly app: App;
  /** The walk's last step, where walking up stops. */
  readonly lastStep: number;
}

/**
 * The facilitator's keys. Keys typed into the capture fields stay there, except Escape: the field
 * commits what was typed (its own handler runs first) and the mode is left, as the hint says.
 */
const WORKSHOP_ACTIONS: readonly Action<WorkshopContext>[] = [
  {
    id: 'walk-up',
    label: 'walk up a level',
    keys: [{ key: 'ArrowRight' }, { key: ' ' }],
    run: ({ app, lastStep }) => app.workshopStore.getState().next(lastStep),
  },
  {
    id: 'step-back',
    label: 'back',
    keys: [{ key: 'ArrowLeft' }],
    run: ({ app }) => app.workshopStore.getState().previous(),
  },
  {
    id: 'leave',
    label: 'leave',
    keys: [{ key: 'Escape' }],
    whileTyping: true,
    run: ({ app }) => leaveWorkshop(app),
  },
];

/** The on-screen hint: "→ or Space: walk up a level · ←: back · Esc: leave". */
export const WORKSHOP_KEYS_HINT = WORKSHOP_ACTIONS.map(
  (a) => `${describeKeys(a.keys ?? [])}: ${a.label}`,
).join(' · ');

/** → or Space walks every party up one level, ← steps back, Escape leaves. */
export function useWorkshopKeys(lastStep: number): void {
  const app = useApp();
  useActionKeys(WORKSHOP_ACTIONS, { app, lastStep });
}
