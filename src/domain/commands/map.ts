import type { MapDocument } from '../model';
import { ok } from '../result';
import { invalid } from './errors';
import type { CommandResult } from './errors';
import { isBlank } from './records';

/** Like every command, leaves `updatedAt` alone: the store stamps the time of each saved edit. */
export function renameMap(doc: MapDocument, name: string): CommandResult {
  if (isBlank(name)) return invalid('name', 'A map needs a name.');
  return ok({ ...doc, map: { ...doc.map, name } });
}
