import * as Y from 'yjs';
import type { RecordList } from '../domain/merge';
import { RESTORE, type Resolution, type SetAsideItem } from '../domain/repair';
import { listMap, PERSPECTIVES } from './roomShape';
import type { Edited } from './tombstones';

/**
 * The set-aside item for a record deleted on one device while another changed it: named by what
 * the room's document holds (a deleted goal keeps its title there), so every device words it alike.
 */

const REMOVE_IT: Resolution = { action: 'remove', label: 'Remove it' };
const KEEP_WITH_EDIT = RESTORE('Keep it with the edit');

export function deletedWhileEdited(
  ydoc: Y.Doc,
  list: RecordList,
  id: string,
  edited: readonly Edited[],
): SetAsideItem {
  const text = (of: RecordList, recordId: string, key: string): string => {
    const stored = listMap(ydoc, of).get(recordId);
    const value: unknown = stored instanceof Y.Map ? stored.get(key) : undefined;
    return typeof value === 'string' ? value : recordId;
  };
  const own = (key: string) => text(list, id, key);
  const goal = (goalId: string) => `"${text('goals', goalId, 'title')}"`;
  const person = (personId: string) => text('stakeholders', personId, 'name');
  const record: Readonly<Record<RecordList, () => string>> = {
    goals: () => `The goal ${goal(id)}`,
    links: () => `The link from ${goal(own('from'))} to ${goal(own('to'))}`,
    stakeholders: () => `${person(id)} (a person on the map)`,
    incentives: () => `${person(own('stakeholderId'))}'s incentive on ${goal(own('goalId'))}`,
    conflicts: () => `The conflict "${own('title')}"`,
    tradeOffs: () => `The trade-off between ${goal(own('a'))} and ${goal(own('b'))}`,
    reportingLines: () => `The line from ${person(own('from'))} reporting to ${person(own('to'))}`,
  };
  const texts = edited.filter((e) => e.party !== undefined);
  const changes = edited
    .filter((e) => e.party === undefined && (e.field !== PERSPECTIVES || texts.length === 0))
    .map((e) => `its ${e.field}`)
    .concat(texts.map((e) => `${person(e.party ?? '')}'s perspective`));
  return {
    list,
    id,
    cause: 'deleted-while-edited',
    message: `${record[list]()} was deleted on one device while another changed ${joined(changes)}.`,
    involves: edited.flatMap((e) => (e.party === undefined ? [] : [e.party])),
    resolutions: [REMOVE_IT, KEEP_WITH_EDIT],
  };
}

/** "a", "a and b", "a, b and c". */
function joined(parts: readonly string[]): string {
  const last = parts.at(-1) ?? '';
  return parts.length < 2 ? last : `${parts.slice(0, -1).join(', ')} and ${last}`;
}
