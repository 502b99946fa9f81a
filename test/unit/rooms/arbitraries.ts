/**
 * Random valid maps in file format v2: the domain's random maps (test/unit/domain/arbitraries)
 * with trade-offs, reporting lines, owners, positions and free text on top.
 */
import fc from 'fast-check';
import {
  addTradeOff,
  removeConflict,
  removeGoal,
  removeIncentive,
  removeStakeholder,
  removeTradeOff,
  setReportsTo,
  updateConflict,
  updateGoal,
  updateIncentive,
  updateStakeholder,
  updateTradeOff,
} from '../../../src/domain/commands';
import type { CommandResult } from '../../../src/domain/commands';
import {
  asConflictId,
  asGoalId,
  asIncentiveId,
  asReportingLineId,
  asStakeholderId,
  asTradeOffId,
} from '../../../src/domain/ids';
import type { MapDocument, Position } from '../../../src/domain/model';
import { arbMapDocument } from '../domain/arbitraries';
import { arbStep } from '../domain/commandSteps';

const arbText = fc.string({ maxLength: 12 });
const arbPosition: fc.Arbitrary<Position | null> = fc.option(
  fc.record({ x: fc.integer({ min: -5000, max: 5000 }), y: fc.integer(), pinned: fc.boolean() }),
  { nil: null },
);

export const arbMapDocumentV2 = (maxGoals = 12): fc.Arbitrary<MapDocument> =>
  arbMapDocument({ maxGoals }).chain((doc) => {
    const goalCount = doc.goals.length;
    const people = doc.stakeholders.length;
    return fc
      .record({
        pairs:
          goalCount < 2
            ? fc.constant<[number, number][]>([])
            : fc.uniqueArray(
                fc.tuple(fc.nat(goalCount - 2), fc.nat(goalCount - 1)).map(([a, b]) => {
                  const high = a < b ? b : a + 1;
                  return [Math.min(a, b), high] as [number, number];
                }),
                { maxLength: 3, selector: ([a, b]) => `${a}-${b}` },
              ),
        // Person i reports to an earlier person or nobody: a forest by construction.
        managers: fc.tuple(
          ...doc.stakeholders.map((_, i) => fc.option(fc.nat(Math.max(i - 1, 0)), { nil: null })),
        ),
        owners: fc.tuple(...doc.goals.map(() => fc.option(fc.nat(people - 1), { nil: null }))),
        goalPositions: fc.tuple(...doc.goals.map(() => arbPosition)),
        descriptions: fc.tuple(...doc.goals.map(() => arbText)),
        personPositions: fc.tuple(...doc.stakeholders.map(() => arbPosition)),
        notes: arbText,
      })
      .map(({ pairs, managers, owners, goalPositions, descriptions, personPositions, notes }) => ({
        ...doc,
        map: { ...doc.map, description: notes },
        goals: doc.goals.map((g, i) => ({
          ...g,
          description: descriptions[i] ?? '',
          position: goalPositions[i] ?? null,
          owner: owners[i] == null ? null : asStakeholderId(`s${owners[i]}`),
        })),
        stakeholders: doc.stakeholders.map((s, i) => ({
          ...s,
          notes,
          position: personPositions[i] ?? null,
        })),
        tradeOffs: pairs.map(([a, b]) => ({
          id: asTradeOffId(`t${a}-${b}`),
          a: asGoalId(`g${a}`),
          b: asGoalId(`g${b}`),
          note: notes,
        })),
        reportingLines: managers.flatMap((m, i) =>
          m === null || i === 0
            ? []
            : [
                {
                  id: asReportingLineId(`r${i}`),
                  from: asStakeholderId(`s${i}`),
                  to: asStakeholderId(`s${m}`),
                },
              ],
        ),
      }));
  });

/**
 * A field edit on a record another device deletes, both made before either hears of the other:
 * `deleter` deletes its `record`-th record (counting goals, people, incentives, conflicts and
 * trade-offs, wrapping around), and `editor` (another device) changes a free-text field of one of
 * the records that delete took off the map (the record itself or one that went with it).
 */
export interface EditWhileDeleted {
  readonly deleter: number;
  readonly editor: number;
  readonly record: number;
  readonly edited: number;
}

export const arbEditWhileDeleted: fc.Arbitrary<EditWhileDeleted> = fc.record({
  deleter: fc.nat(3),
  editor: fc.nat(2),
  record: fc.nat(40),
  edited: fc.nat(40),
});

/** Deletes the `n`-th record that has a delete command (wrapping around); undefined: none. */
export function deleteRecord(doc: MapDocument, n: number): CommandResult | undefined {
  const deletes = [
    ...doc.goals.map((r) => () => removeGoal(doc, r.id)),
    ...doc.stakeholders.map((r) => () => removeStakeholder(doc, r.id)),
    ...doc.incentives.map((r) => () => removeIncentive(doc, r.id)),
    ...doc.conflicts.map((r) => () => removeConflict(doc, r.id)),
    ...doc.tradeOffs.map((r) => () => removeTradeOff(doc, r.id)),
  ];
  return deletes[n % Math.max(deletes.length, 1)]?.();
}

/** Sets a free-text field of record `id` to `text`; undefined when its list has none. */
export function editField(doc: MapDocument, id: string, text: string): CommandResult | undefined {
  if (doc.goals.some((r) => r.id === id))
    return updateGoal(doc, asGoalId(id), { description: text });
  if (doc.stakeholders.some((r) => r.id === id))
    return updateStakeholder(doc, asStakeholderId(id), { notes: text });
  if (doc.incentives.some((r) => r.id === id))
    return updateIncentive(doc, asIncentiveId(id), { note: text });
  if (doc.conflicts.some((r) => r.id === id))
    return updateConflict(doc, asConflictId(id), { title: text });
  if (doc.tradeOffs.some((r) => r.id === id)) return updateTradeOff(doc, asTradeOffId(id), text);
  return undefined;
}

const arbNumber = fc.nat({ max: 40 });

/** Trade-offs drawn, noted and removed, on goals picked by number (wrapping around). */
export const tradeOffSteps = [
  arbStep(2, 'addTradeOff', fc.tuple(arbNumber, arbNumber, arbText), (doc, [a, b, note], at) =>
    addTradeOff(doc, { id: asTradeOffId(at.fresh('trade')), a: at.goal(a), b: at.goal(b), note }),
  ),
  arbStep(1, 'updateTradeOff', fc.tuple(arbNumber, arbText), (doc, [n, note], at) =>
    updateTradeOff(doc, asTradeOffId(at.pick(doc.tradeOffs, n)), note),
  ),
  arbStep(1, 'removeTradeOff', arbNumber, (doc, n, at) =>
    removeTradeOff(doc, asTradeOffId(at.pick(doc.tradeOffs, n))),
  ),
];

/** Reporting lines set and taken away: two devices at once can make a loop or two managers. */
export const reportingSteps = [
  arbStep(2, 'setReportsTo', fc.tuple(arbNumber, fc.option(arbNumber)), (doc, [n, m], at) =>
    setReportsTo(
      doc,
      at.party(n),
      m === null ? null : at.party(m),
      asReportingLineId(at.fresh('line')),
    ),
  ),
];
