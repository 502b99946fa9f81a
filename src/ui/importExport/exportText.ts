import type { MapDocument } from '../../domain/model';
import { noteExported } from '../../store/backupStore';
import { reportFailure } from '../reportFailure';
import type { TextFormat } from './textExporters';

export const reportExportFailure = (error: unknown): void =>
  reportFailure('Could not export', error);

/**
 * Text formats need no choices: they download at once (their code loads on first use). A JSON
 * file holds the whole map, so it counts as a backup for the backup reminder.
 */
export async function downloadTextFormat(format: TextFormat, doc: MapDocument): Promise<void> {
  const { TEXT_EXPORTS } = await import('./textExporters');
  TEXT_EXPORTS[format](doc);
  if (format === 'JSON') await noteExported(doc.map.id);
}
