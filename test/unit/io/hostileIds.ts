/**
 * Whole map documents whose ids are the strings most likely to break code that keys plain objects
 * by id: Object.prototype's own names, paths-looking ids ("a.b", `x["y"]`), quotes, brackets,
 * separators JSON escapes, and random text. Every id of every list is replaced, so a hostile id
 * stands everywhere an id can: record ids, link ends, incentive ties, parties, perspective keys,
 * the agreed goal, goal owners, trade-off ends, reporting lines and the map's own id.
 */
import fc from 'fast-check';
import {
  asConflictId,
  asGoalId,
  asIncentiveId,
  asLinkId,
  asMapId,
  asReportingLineId,
  asStakeholderId,
  asTradeOffId,
} from '../../../src/domain/ids';
import { perspectivesRecord, type MapDocument } from '../../../src/domain/model';
import { arbMapDocument } from '../domain/arbitraries';

/** Names an ordinary object answers to without owning them. */
export const PROTOTYPE_NAMES = [
  'constructor',
  '__proto__',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  '__defineGetter__',
  'toJSON',
] as const;

/** Ids that look like paths or break naive quoting. */
const PATH_LIKE = ['a.b', 'x["y"]', '[0]', '"', "it's", '\\', ' ', 'g1 ', '\u2028', '😀', '0'];

export const arbHostileId: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...PROTOTYPE_NAMES) },
  { weight: 2, arbitrary: fc.constantFrom(...PATH_LIKE) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 8 }) },
);

const uniqueIds = (count: number): fc.Arbitrary<string[]> =>
  fc.uniqueArray(arbHostileId, { minLength: count, maxLength: count });

/** `doc` with every id replaced one-to-one by a hostile one (ids stay unique per list). */
function renamed(
  doc: MapDocument,
  ids: {
    goals: string[];
    links: string[];
    stakeholders: string[];
    incentives: string[];
    conflicts: string[];
    tradeOffs: string[];
    reportingLines: string[];
  },
  mapId: string,
): MapDocument {
  const rename = (list: readonly { readonly id: string }[], to: readonly string[]) =>
    new Map(list.map((r, i) => [r.id, to[i] ?? r.id]));
  const goal = rename(doc.goals, ids.goals);
  const person = rename(doc.stakeholders, ids.stakeholders);
  const g = (id: string) => asGoalId(goal.get(id) ?? id);
  const s = (id: string) => asStakeholderId(person.get(id) ?? id);
  return {
    map: { ...doc.map, id: asMapId(mapId) },
    goals: doc.goals.map((r) => ({
      ...r,
      id: g(r.id),
      owner: r.owner === null ? null : s(r.owner),
    })),
    links: doc.links.map((r, i) => ({
      id: asLinkId(ids.links[i] ?? r.id),
      from: g(r.from),
      to: g(r.to),
    })),
    stakeholders: doc.stakeholders.map((r) => ({ ...r, id: s(r.id) })),
    incentives: doc.incentives.map((r, i) => ({
      ...r,
      id: asIncentiveId(ids.incentives[i] ?? r.id),
      stakeholderId: s(r.stakeholderId),
      goalId: g(r.goalId),
    })),
    conflicts: doc.conflicts.map((r, i) => ({
      ...r,
      id: asConflictId(ids.conflicts[i] ?? r.id),
      parties: r.parties.map(s),
      perspectives: perspectivesRecord(r.parties.map((p) => [s(p), `${s(p)} sees it so`] as const)),
      agreedGoalId: r.agreedGoalId === null ? null : g(r.agreedGoalId),
    })),
    tradeOffs: doc.tradeOffs.map((r, i) => ({
      ...r,
      id: asTradeOffId(ids.tradeOffs[i] ?? r.id),
      a: g(r.a),
      b: g(r.b),
    })),
    reportingLines: doc.reportingLines.map((r, i) => ({
      id: asReportingLineId(ids.reportingLines[i] ?? r.id),
      from: s(r.from),
      to: s(r.to),
    })),
  };
}

/** A random valid map whose every id is hostile. */
export const arbHostileDocument: fc.Arbitrary<MapDocument> = arbMapDocument({
  maxGoals: 10,
  maxStakeholders: 5,
}).chain((doc) =>
  fc
    .record({
      goals: uniqueIds(doc.goals.length),
      links: uniqueIds(doc.links.length),
      stakeholders: uniqueIds(doc.stakeholders.length),
      incentives: uniqueIds(doc.incentives.length),
      conflicts: uniqueIds(doc.conflicts.length),
      tradeOffs: uniqueIds(doc.tradeOffs.length),
      reportingLines: uniqueIds(doc.reportingLines.length),
      mapId: arbHostileId,
    })
    .map(({ mapId, ...ids }) => renamed(doc, ids, mapId)),
);
