import type { MapDocument } from '../model';
import { ok } from '../result';
import type { CommandResult } from './errors';
import { brokenRules, MAP_RULES } from '../records';
import { refuseBroken } from './records';

/** Like every command, leaves `updatedAt` alone: the store stamps the time of each saved edit. */
export function renameMap(doc: MapDocument, name: string): CommandResult {
  const map = { ...doc.map, name };
  return refuseBroken(brokenRules(map, MAP_RULES)) ?? ok({ ...doc, map });
}
