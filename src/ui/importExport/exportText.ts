import type { App } from '../../store/app';
import type { MapDocument } from '../../domain/model';
import { noteExported } from '../../store/backupStore';
import { reportFailure } from '../reportFailure';
import type { TextFormat } from './textExporters';

export const reportExportFailure = (app: App, error: unknown): void =>
  reportFailure(app, 'Could not export', error);

/**
 * Text formats need no choices: they download at once (their code loads on first use). A JSON
 * file holds the whole map, so it counts as a backup for the backup reminder.
 */
export async function downloadTextFormat(
  app: App,
  format: TextFormat,
  doc: MapDocument,
): Promise<void> {
  const { TEXT_EXPORTS } = await import('./textExporters');
  TEXT_EXPORTS[format](doc, app);
  if (format === 'JSON') await noteExported(app, doc.map.id);
}
