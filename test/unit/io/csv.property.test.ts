import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createExampleMap } from '../../../src/domain/exampleMap';
import { asGoalId } from '../../../src/domain/ids';
import type { Goal, MapDocument } from '../../../src/domain/model';
import { exportGoalsCsv, parseGoalCsv, planCsvImport } from '../../../src/io/csv';
import { arbMapDocument } from '../domain/arbitraries';

const NEW_MAP = { name: 'Round trip', now: '2026-01-01T00:00:00.000Z' };

/** What a CSV carries of a goal: everything but its position on the canvas and its owner. */
const csvView = (goals: readonly Goal[]) =>
  goals.map((goal) => ({ ...goal, position: null, owner: null }));
const linkPairs = (doc: MapDocument) => doc.links.map((l) => [l.from, l.to]);

function reimport(doc: MapDocument, into: MapDocument | null = null) {
  const parsed = parseGoalCsv(exportGoalsCsv(doc));
  expect(parsed.problems).toEqual([]);
  const plan = planCsvImport(into, parsed.rows, NEW_MAP);
  if (!plan.ok) throw new Error(JSON.stringify(plan.error));
  return plan.value;
}

function expectSameGoalsAndLinks(actual: MapDocument, expected: MapDocument): void {
  expect(csvView(actual.goals)).toEqual(csvView(expected.goals));
  expect(linkPairs(actual)).toEqual(linkPairs(expected));
}

/** Text that trips CSV writers and spreadsheets: separators, quotes, newlines, formulas. */
const arbTrickyText = fc.string({
  unit: fc.constantFrom(
    '=',
    '+',
    '-',
    '@',
    '\t',
    '\r',
    '\n',
    '"',
    ',',
    ';',
    "'",
    ' ',
    '|',
    'a',
    'é',
    '🚀',
  ),
  maxLength: 12,
});
const arbText = fc.oneof(arbTrickyText, fc.string({ maxLength: 20 }));
const arbTitle = arbText.filter((t) => t.trim() !== '');
const arbNumber = fc
  .oneof(fc.integer({ min: -1e6, max: 1e6 }), fc.double({ noNaN: true, noDefaultInfinity: true }))
  .map((n) => (Object.is(n, -0) ? 0 : n));

const arbMapWithTrickyText = arbMapDocument({ maxGoals: 20 }).chain((doc) =>
  fc
    .tuple(
      ...doc.goals.map(() =>
        fc.record({ title: arbTitle, description: arbText, unit: arbText, current: arbNumber }),
      ),
    )
    .map((texts): MapDocument => ({
      ...doc,
      goals: doc.goals.map((goal, i) => {
        const { title, description, unit, current } = texts[i] ?? { ...goal, unit: '', current: 0 };
        const metric = goal.metric && { ...goal.metric, unit, current };
        return { ...goal, title, description, metric };
      }),
    })),
);

describe('CSV export → import', () => {
  const example = createExampleMap(NEW_MAP.now);

  it("keeps the example map's goals and links", () => {
    const plan = reimport(example);
    expectSameGoalsAndLinks(plan.doc, example);
    expect([plan.created, plan.linked]).toEqual([example.goals.length, example.links.length]);
  });

  it('changes nothing when the export goes back into the same map', () => {
    const plan = reimport(example, example);
    expect(plan.doc).toEqual(example);
    expect([plan.created, plan.updated, plan.linked, plan.unlinked]).toEqual([0, 0, 0, 0]);
  });

  it('keeps ids that look like formulas', () => {
    const rename = (id: string) =>
      asGoalId(id === 'g-mission' ? '=mission' : id === 'g-retain' ? "'retain" : id);
    const doc: MapDocument = {
      ...example,
      goals: example.goals.map((g) => ({ ...g, id: rename(g.id) })),
      links: example.links.map((l) => ({ ...l, from: rename(l.from), to: rename(l.to) })),
      incentives: [],
      conflicts: [],
    };
    expectSameGoalsAndLinks(reimport(doc).doc, doc);
  });

  it('keeps goals and links of random maps with tricky text', () => {
    fc.assert(
      fc.property(arbMapWithTrickyText, (doc) => {
        expectSameGoalsAndLinks(reimport(doc).doc, doc);
      }),
      { numRuns: 80 },
    );
  });

  it('re-importing a random map into itself changes nothing', () => {
    fc.assert(
      fc.property(arbMapWithTrickyText, (doc) => {
        const plan = reimport(doc, doc);
        expect(plan.doc).toEqual(doc);
        expect(plan.created + plan.updated + plan.linked + plan.unlinked).toBe(0);
      }),
      { numRuns: 50 },
    );
  });
});
