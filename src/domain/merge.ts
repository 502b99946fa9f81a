import { checkInvariants, type InvariantProblem } from './invariants';
import type { Conflict, MapDocument, MapInfo } from './model';
import { perspectivesRecord } from './model';
import { err, ok, type Result } from './result';
import { field, sameValue } from './sameValue';

export { sameValue } from './sameValue';

/**
 * Three-way merge of two versions of one map that grew apart from a common base (two tabs that
 * edited the same map at once). Record by record and field by field: whatever only one side
 * changed is kept; when both changed the same field, `ours` (the tab that is saving) wins and the
 * record is reported as a clash so the user can be told. A record one side removed stays removed
 * unless the other side changed it (an edit is never dropped for a delete).
 */

/** The lists of a map document that hold records with ids. */
export type RecordList =
  'goals' | 'links' | 'stakeholders' | 'incentives' | 'conflicts' | 'tradeOffs' | 'reportingLines';

/** A record (or the map's own details, list 'map') both sides changed in different ways. */
export interface MergeClash {
  readonly list: RecordList | 'map';
  readonly id: string;
}

export interface MergedMap {
  readonly doc: MapDocument;
  readonly clashes: readonly MergeClash[];
}

/** Field by field: theirs, overlaid with every field only ours changed (ours again on a clash). */
function mergeFields<T extends object>(
  base: T | undefined,
  ours: T,
  theirs: T,
): { readonly value: T; readonly clashed: boolean } {
  let value = theirs;
  let clashed = false;
  for (const key of Object.keys(ours)) {
    const mine = field(ours, key);
    const other = field(theirs, key);
    const before = base === undefined ? undefined : field(base, key);
    if (sameValue(mine, other) || (base !== undefined && sameValue(mine, before))) continue;
    if (base === undefined || !sameValue(other, before)) clashed = true;
    value = Object.assign({}, value, { [key]: mine });
  }
  return { value, clashed };
}

type Outcome<T> = { readonly kept: T | null; readonly clashed: boolean };

function mergeRecord<T extends object>(
  base: T | undefined,
  ours: T | undefined,
  theirs: T | undefined,
): Outcome<T> {
  if (ours && theirs) {
    const { value, clashed } = mergeFields(base, ours, theirs);
    return { kept: value, clashed };
  }
  const survivor = ours ?? theirs;
  if (!survivor) return { kept: null, clashed: false };
  if (!base) return { kept: survivor, clashed: false };
  // One side removed it: gone, unless the other side changed it meanwhile.
  return sameValue(survivor, base)
    ? { kept: null, clashed: false }
    : { kept: survivor, clashed: true };
}

const byId = <T extends { readonly id: string }>(records: readonly T[]): Map<string, T> =>
  new Map(records.map((r) => [r.id, r]));

/** Theirs' order first, then what only ours still has, in ours' order. */
function mergeList<T extends { readonly id: string }>(
  list: RecordList,
  base: readonly T[],
  ours: readonly T[],
  theirs: readonly T[],
  clashes: MergeClash[],
): T[] {
  const [baseById, oursById, theirsById] = [byId(base), byId(ours), byId(theirs)];
  const ids = [...theirsById.keys(), ...[...oursById.keys()].filter((id) => !theirsById.has(id))];
  const merged: T[] = [];
  for (const id of ids) {
    const { kept, clashed } = mergeRecord(baseById.get(id), oursById.get(id), theirsById.get(id));
    if (clashed) clashes.push({ list, id });
    if (kept) merged.push(kept);
  }
  return merged;
}

/**
 * Of records that mean the same (two tabs added the same link or incentive), keeps the one with
 * the smallest id: the same one whichever side merges, so both tabs end up with the same map.
 */
function onePerKey<T extends { readonly id: string }>(
  records: readonly T[],
  key: (record: T) => string,
): T[] {
  const keep = new Map<string, string>();
  for (const record of records) {
    const k = key(record);
    const kept = keep.get(k);
    if (kept === undefined || record.id < kept) keep.set(k, record.id);
  }
  return records.filter((record) => keep.get(key(record)) === record.id);
}

/** A conflict without its removed parties; null once fewer than two are left (as removeStakeholder does). */
function withParties(conflict: Conflict, stakeholders: ReadonlySet<string>): Conflict | null {
  const parties = conflict.parties.filter((p) => stakeholders.has(p));
  if (parties.length < 2) return null;
  if (parties.length === conflict.parties.length) return conflict;
  const perspectives = Object.entries(conflict.perspectives).filter(([p]) => stakeholders.has(p));
  return { ...conflict, parties, perspectives: perspectivesRecord(perspectives) };
}

/**
 * Parties and perspectives are one fact told twice, but they merge as two fields: one side's new
 * parties can win a clash while the other side's perspectives (for other parties) come through.
 * So the merged record keeps a perspective for exactly its parties, each party's text taken from
 * the merged field, else from either side that has it.
 */
function perspectivesForParties(
  conflict: Conflict,
  sides: readonly (Conflict | undefined)[],
): Conflict {
  const textOf = (party: string): string => {
    for (const record of [conflict, ...sides]) {
      if (record && Object.hasOwn(record.perspectives, party)) {
        return record.perspectives[party] ?? '';
      }
    }
    return '';
  };
  const perspectives = perspectivesRecord(conflict.parties.map((p) => [p, textOf(p)]));
  return sameValue(perspectives, conflict.perspectives) ? conflict : { ...conflict, perspectives };
}

function mergeConflicts(
  base: readonly Conflict[],
  ours: readonly Conflict[],
  theirs: readonly Conflict[],
  clashes: MergeClash[],
): Conflict[] {
  const [oursById, theirsById] = [byId(ours), byId(theirs)];
  return mergeList('conflicts', base, ours, theirs, clashes).map((c) =>
    perspectivesForParties(c, [oursById.get(c.id), theirsById.get(c.id)]),
  );
}

/**
 * What one side removed can still be named by what the other side added (a link to a goal the
 * other tab deleted): such references go, exactly as the remove commands would have taken them.
 */
function dropDanglingReferences(doc: MapDocument): MapDocument {
  const goals = new Set(doc.goals.map((g) => g.id));
  const stakeholders = new Set(doc.stakeholders.map((s) => s.id));
  const links = doc.links.filter((l) => goals.has(l.from) && goals.has(l.to));
  const incentives = doc.incentives.filter(
    (i) => goals.has(i.goalId) && stakeholders.has(i.stakeholderId),
  );
  const conflicts = doc.conflicts.flatMap((c) => {
    const kept = withParties(c, stakeholders);
    if (!kept) return [];
    return [
      kept.agreedGoalId && !goals.has(kept.agreedGoalId) ? { ...kept, agreedGoalId: null } : kept,
    ];
  });
  const tradeOffs = doc.tradeOffs.filter((t) => goals.has(t.a) && goals.has(t.b));
  const reportingLines = doc.reportingLines.filter(
    (r) => stakeholders.has(r.from) && stakeholders.has(r.to),
  );
  return {
    ...doc,
    goals: doc.goals.map((g) =>
      g.owner !== null && !stakeholders.has(g.owner) ? { ...g, owner: null } : g,
    ),
    links: onePerKey(links, (l) => `${l.from}\u0000${l.to}`),
    tradeOffs: onePerKey(tradeOffs, (t) => (t.a < t.b ? [t.a, t.b] : [t.b, t.a]).join('\u0000')),
    // One manager each: if both tabs gave someone a manager, the line with the smaller id stays.
    reportingLines: onePerKey(reportingLines, (r) => r.from),
    incentives: onePerKey(incentives, (i) => [i.stakeholderId, i.goalId, i.kind].join('\u0000')),
    conflicts,
  };
}

/** The map's name and description merge like any record; the stamp is the later of the two. */
function mergeMapInfo(
  base: MapInfo,
  ours: MapInfo,
  theirs: MapInfo,
  clashes: MergeClash[],
): MapInfo {
  // Both sides stamp every edit, so updatedAt would always clash: leave it out of the merge.
  const unstamped = (info: MapInfo): MapInfo => ({ ...info, updatedAt: '' });
  const { value, clashed } = mergeFields(unstamped(base), unstamped(ours), unstamped(theirs));
  if (clashed) clashes.push({ list: 'map', id: ours.id });
  const updatedAt = ours.updatedAt > theirs.updatedAt ? ours.updatedAt : theirs.updatedAt;
  return { ...value, updatedAt };
}

/**
 * Merges `ours` and `theirs`, both descended from `base`. Refused (with the problems) only when
 * the two sides together break a rule neither broke alone, e.g. two new links that close a cycle.
 */
export function mergeDocuments(
  base: MapDocument,
  ours: MapDocument,
  theirs: MapDocument,
): Result<MergedMap, InvariantProblem[]> {
  const clashes: MergeClash[] = [];
  const map = mergeMapInfo(base.map, ours.map, theirs.map, clashes);
  const doc = dropDanglingReferences({
    map,
    goals: mergeList('goals', base.goals, ours.goals, theirs.goals, clashes),
    links: mergeList('links', base.links, ours.links, theirs.links, clashes),
    stakeholders: mergeList(
      'stakeholders',
      base.stakeholders,
      ours.stakeholders,
      theirs.stakeholders,
      clashes,
    ),
    incentives: mergeList(
      'incentives',
      base.incentives,
      ours.incentives,
      theirs.incentives,
      clashes,
    ),
    conflicts: mergeConflicts(base.conflicts, ours.conflicts, theirs.conflicts, clashes),
    tradeOffs: mergeList('tradeOffs', base.tradeOffs, ours.tradeOffs, theirs.tradeOffs, clashes),
    reportingLines: mergeList(
      'reportingLines',
      base.reportingLines,
      ours.reportingLines,
      theirs.reportingLines,
      clashes,
    ),
  });
  const problems = checkInvariants(doc);
  return problems.length > 0 ? err(problems) : ok({ doc, clashes });
}
