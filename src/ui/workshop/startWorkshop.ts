import type { MapDocument } from '../../domain/model';
import type { App } from '../../store/app';

/**
 * Starts workshop mode on the chosen parties, or, when fewer than two are chosen, on the map's
 * first open conflict: the facilitator should never face an empty stage.
 */
export function startWorkshop(app: App, doc: MapDocument): void {
  const session = app.sessionStore.getState();
  if (session.parties.length < 2) {
    const conflict = doc.conflicts.find((c) => c.status === 'open') ?? doc.conflicts[0];
    if (!conflict) {
      session.showNotice({
        kind: 'info',
        text: 'Pick two or more stakeholders under “Find common ground”, or create a conflict, then start workshop mode.',
      });
      return;
    }
    session.openConflict(conflict);
  }
  app.workshopStore.getState().start();
  void document.documentElement.requestFullscreen().catch(() => undefined);
}
