/**
 * One rule per record (src/domain/records): a record the importer accepts, the command that makes
 * such a record accepts unchanged, and the other way round. Each property adds one generated
 * record, edge cases included (blank titles, odd colours, NaN, ids that are empty or taken), to
 * the same small map twice: once in a file handed to the importer, once through the command.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addConflict,
  addGoal,
  addIncentive,
  addStakeholder,
  addTradeOff,
  linkGoals,
  renameMap,
  setReportsTo,
  updateConflict,
  updateGoal,
  updateIncentive,
  updateStakeholder,
  type CommandResult,
} from '../../../src/domain/commands';
import {
  asConflictId,
  asGoalId,
  asIncentiveId,
  asLinkId,
  asReportingLineId,
  asStakeholderId,
  asTradeOffId,
} from '../../../src/domain/ids';
import {
  CONFLICT_STATUSES,
  DIRECTIONS,
  GOAL_KINDS,
  INCENTIVE_KINDS,
  perspectivesRecord,
  type Conflict,
  type Goal,
  type Incentive,
  type MapDocument,
  type Stakeholder,
} from '../../../src/domain/model';
import { importMapObject, type ImportResult } from '../../../src/io/json/importer';
import { formatProblem, toFileObject, type MapFile } from '../../../src/io/json';
import { sampleMap } from '../domain/commands.fixture';

const base = sampleMap();
const file: MapFile = toFileObject(base);

/** Texts that sit on the edge of "a title": empty, white space of every kind, long, odd. */
const arbText = fc.oneof(
  fc.constantFrom('', ' ', '   ', '\t', '\n', '\u00a0', '\u2003', ' a ', 'A', 'x'.repeat(5000)),
  fc.string({ unit: 'binary', maxLength: 12 }),
);
const arbColour = fc.oneof(
  fc.constantFrom('#d9480f', '#D9480F', 'orange', '#abc', '#12345g', ' #123456', '#1234567', ''),
  fc.integer({ min: 0, max: 0xffffff }).map((n) => `#${n.toString(16).padStart(6, '0')}`),
);
const arbNumber = fc.oneof(
  fc.constantFrom(0, -0, 1, 0.5, -1e-9, 1 + 1e-9, NaN, Infinity, -Infinity, 1e308, -1e308),
  fc.double(),
);
const arbPosition = fc.option(fc.record({ x: arbNumber, y: arbNumber, pinned: fc.boolean() }), {
  nil: null,
});
/** Ids new to the map, taken already, empty, or white space. */
const arbId = (taken: string) => fc.constantFrom('new', taken, '', ' ');
const arbGoalRef = fc.constantFrom('g1', 'g2', 'g3', 'g4', 'g9', '').map(asGoalId);
const arbPersonRef = fc.constantFrom('s1', 's2', 's3', 's9', '').map(asStakeholderId);

const arbGoal: fc.Arbitrary<Goal> = fc.record({
  id: arbId('g1').map(asGoalId),
  title: arbText,
  kind: fc.constantFrom(...GOAL_KINDS),
  description: arbText,
  metric: fc.option(
    fc.record({
      unit: arbText,
      current: fc.option(arbNumber, { nil: null }),
      target: fc.option(arbNumber, { nil: null }),
      direction: fc.constantFrom(...DIRECTIONS),
    }),
    { nil: null },
  ),
  position: arbPosition,
  owner: fc.option(arbPersonRef, { nil: null }),
});

const arbStakeholder: fc.Arbitrary<Stakeholder> = fc.record({
  id: arbId('s1').map(asStakeholderId),
  name: arbText,
  role: arbText,
  team: arbText,
  color: arbColour,
  notes: arbText,
  position: arbPosition,
});

const arbIncentive: fc.Arbitrary<Incentive> = fc.record({
  id: arbId('i1').map(asIncentiveId),
  stakeholderId: arbPersonRef,
  goalId: arbGoalRef,
  kind: fc.constantFrom(...INCENTIVE_KINDS),
  weight: fc.option(arbNumber, { nil: null }),
  note: arbText,
});

const arbConflict: fc.Arbitrary<Conflict> = fc
  .record({
    id: arbId('c1').map(asConflictId),
    title: arbText,
    parties: fc.array(arbPersonRef, { maxLength: 4 }),
    status: fc.constantFrom(...CONFLICT_STATUSES),
    // Keys are the parties or someone else: a stray perspective is refused by both.
    perspectiveKeys: fc.array(fc.constantFrom('s1', 's2', 's3', 's9'), { maxLength: 3 }),
    agreedGoalId: fc.option(arbGoalRef, { nil: null }),
    notes: arbText,
  })
  .map(({ perspectiveKeys, ...conflict }) => ({
    ...conflict,
    perspectives: perspectivesRecord(perspectiveKeys.map((k) => [k, `${k}'s view`])),
  }));

/** The small map's file with `record` added at the end of `list`, through the importer. */
function importWith(list: keyof MapFile, record: object): ImportResult {
  const given: unknown = Reflect.get(file, list);
  const records: unknown[] = Array.isArray(given) ? given : [];
  return importMapObject({ ...file, [list]: [...records, record] });
}

/** Both accept or both refuse; when both accept, both made the same document. */
function expectSameVerdict(importResult: ImportResult, command: CommandResult): MapDocument | null {
  const importer = importResult.ok ? 'accepts' : importResult.error.map(formatProblem).join('; ');
  const commandSays = command.ok ? 'accepts' : command.error.message;
  expect(importResult.ok, `importer: ${importer}; command: ${commandSays}`).toBe(command.ok);
  if (!importResult.ok || !command.ok) return null;
  expect(importResult.value.doc).toEqual(command.value);
  return importResult.value.doc;
}

const RUNS = { numRuns: 300 };

describe('a record the importer accepts, its command accepts unchanged, and back', () => {
  it('goals, and an imported goal can be edited', () => {
    fc.assert(
      fc.property(arbGoal, (goal) => {
        const doc = expectSameVerdict(importWith('goals', goal), addGoal(base, goal));
        // The bug this rule closed: a blank title imported, then every edit of that goal refused.
        if (doc) expect(updateGoal(doc, goal.id, { description: 'edited' }).ok).toBe(true);
      }),
      RUNS,
    );
  });

  it('stakeholders, and an imported one can be edited', () => {
    fc.assert(
      fc.property(arbStakeholder, (person) => {
        const doc = expectSameVerdict(
          importWith('stakeholders', person),
          addStakeholder(base, person),
        );
        if (doc) expect(updateStakeholder(doc, person.id, { notes: 'edited' }).ok).toBe(true);
      }),
      RUNS,
    );
  });

  it('incentives, and an imported one can be edited', () => {
    fc.assert(
      fc.property(arbIncentive, (incentive) => {
        const doc = expectSameVerdict(
          importWith('incentives', incentive),
          addIncentive(base, incentive),
        );
        if (doc) expect(updateIncentive(doc, incentive.id, { note: 'edited' }).ok).toBe(true);
      }),
      RUNS,
    );
  });

  it('conflicts, and an imported one can be edited', () => {
    fc.assert(
      fc.property(arbConflict, (conflict) => {
        const doc = expectSameVerdict(
          importWith('conflicts', conflict),
          addConflict(base, conflict),
        );
        if (doc) expect(updateConflict(doc, conflict.id, { notes: 'edited' }).ok).toBe(true);
      }),
      RUNS,
    );
  });

  it('links', () => {
    const arbLink = fc.record({ id: arbId('l1').map(asLinkId), from: arbGoalRef, to: arbGoalRef });
    fc.assert(
      fc.property(arbLink, (link) => {
        expectSameVerdict(importWith('links', link), linkGoals(base, link.from, link.to, link.id));
      }),
      RUNS,
    );
  });

  it('trade-offs', () => {
    const arbTradeOff = fc.record({
      id: arbId('new').map(asTradeOffId),
      a: arbGoalRef,
      b: arbGoalRef,
      note: arbText,
    });
    fc.assert(
      fc.property(arbTradeOff, (tradeOff) => {
        expectSameVerdict(importWith('tradeOffs', tradeOff), addTradeOff(base, tradeOff));
      }),
      RUNS,
    );
  });

  it('reporting lines', () => {
    const arbLine = fc.record({
      id: arbId('new').map(asReportingLineId),
      from: arbPersonRef,
      to: arbPersonRef,
    });
    fc.assert(
      fc.property(arbLine, (line) => {
        expectSameVerdict(
          importWith('reportingLines', line),
          setReportsTo(base, line.from, line.to, line.id),
        );
      }),
      RUNS,
    );
  });

  it("the map's name", () => {
    fc.assert(
      fc.property(arbText, (name) => {
        const result = importMapObject({ ...file, map: { ...file.map, name } });
        const doc = expectSameVerdict(result, renameMap(base, name));
        if (doc) expect(doc.map.name).toBe(name);
      }),
      RUNS,
    );
  });
});
