import * as Y from 'yjs';
import type { MapDocument } from '../domain/model';
import type { Resolution, SetAsideItem } from '../domain/repair';
import { field } from '../domain/sameValue';
import { isDeleted, listMap, ORDER, PERSPECTIVES } from './roomShape';
import { clearDeleted, editedAfterDelete, markDeleted } from './tombstones';
import { storable } from './writeRoom';

/**
 * Settling a set-aside item in the room's Y.Doc, inside the caller's transaction (one undoable
 * edit of this device). Each resolution is written as plain field changes, so every device ends
 * with the same map whatever else happened meanwhile:
 *
 * - remove: the record goes (marked deleted, rooms/tombstones.ts);
 * - restore: a record deleted on one device while another changed it comes back, with the change;
 * - keep-repaired: the fields that named what is gone take the repaired view's value (no owner,
 *   the party taken off with their perspective, no agreed goal), and a perspective typed for
 *   someone no longer a party is discarded; other fields are left as they are;
 * - reattach: the field points at the goal or person chosen, which must be on the map.
 *
 * Returns false, writing nothing, when the item cannot be settled that way (any more).
 */
export function writeResolution(
  ydoc: Y.Doc,
  shown: MapDocument,
  item: SetAsideItem,
  resolution: Resolution,
  attachTo?: string,
): boolean {
  if (item.list === 'map') return false;
  const records = listMap(ydoc, item.list);
  const stored = records.get(item.id);
  if (!(stored instanceof Y.Map)) return false;
  // Only a change its delete did not see is settled on a deleted record; the rest went with it.
  const deletedWhileEdited = isDeleted(stored) && editedAfterDelete(stored).length > 0;
  if (deletedWhileEdited !== (item.cause === 'deleted-while-edited')) return false;
  switch (resolution.action) {
    case 'remove':
      markDeleted(stored, ydoc.clientID);
      return true;
    case 'restore':
      return clearDeleted(stored);
    case 'keep-repaired':
      return item.cause === 'detached-text'
        ? discardDetachedText(stored, item.involves)
        : keepRepaired(stored, repairedRecord(shown, item), item.involves);
    case 'reattach': {
      const targets = resolution.to === 'goal' ? shown.goals : shown.stakeholders;
      if (attachTo === undefined || !targets.some((t) => t.id === attachTo)) return false;
      stored.set(resolution.field, attachTo);
      return true;
    }
  }
}

function repairedRecord(shown: MapDocument, item: SetAsideItem): object | undefined {
  if (item.list === 'map') return undefined;
  const list: readonly { readonly id: string }[] = shown[item.list];
  return list.find((record) => record.id === item.id);
}

/** Whether a stored field's value names one of `ids` (a reference, or a list of them). */
function names(value: unknown, ids: readonly string[]): boolean {
  if (typeof value === 'string') return ids.includes(value);
  return Array.isArray(value) && value.some((v) => typeof v === 'string' && ids.includes(v));
}

function keepRepaired(
  stored: Y.Map<unknown>,
  repaired: object | undefined,
  gone: readonly string[],
): boolean {
  if (repaired === undefined) return false;
  let wrote = false;
  for (const key of [...stored.keys()]) {
    if (key === ORDER || key === PERSPECTIVES || !names(stored.get(key), gone)) continue;
    stored.set(key, storable(field(repaired, key)));
    wrote = true;
  }
  // After the parties: the text of a party just taken off goes with them.
  return discardDetachedText(stored, gone) || wrote;
}

/** Drops the perspectives kept under `parties` that are not (or no longer) the record's parties. */
function discardDetachedText(stored: Y.Map<unknown>, parties: readonly string[]): boolean {
  const perspectives = stored.get(PERSPECTIVES);
  if (!(perspectives instanceof Y.Map)) return false;
  const current = stored.get('parties');
  const stillParty = (p: string) => Array.isArray(current) && current.includes(p);
  const detached = parties.filter((p) => perspectives.has(p) && !stillParty(p));
  for (const party of detached) perspectives.delete(party);
  return detached.length > 0;
}
