import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Goal, MapDocument, Metric } from '../../../src/domain/model';
import { isBlank } from '../../../src/domain/records';
import {
  exportMapJson,
  formatProblem,
  importMapJson,
  importMapObject,
  toFileObject,
} from '../../../src/io/json';
import { UNEXPECTED_FAILURE } from '../../../src/io/json/importer';
import { checkJsonText } from '../../../src/io/json/syntax';
import { arbMapDocument } from '../domain/arbitraries';

const EXAMPLE = readFileSync(new URL('../../fixtures/v1/example.json', import.meta.url), 'utf8');

/** The importer answered on purpose: a map, or problems, and never the last-resort catch. */
function expectHandled(result: ReturnType<typeof importMapJson>): void {
  if (result.ok) return;
  expect(result.error.length).toBeGreaterThan(0);
  for (const p of result.error) {
    expect(typeof p.path).toBe('string');
    expect(p.message).not.toBe('');
    expect(p.message.startsWith(UNEXPECTED_FAILURE)).toBe(false);
  }
}

/** Characters that make up JSON, so random strings often come close to being valid. */
const arbJsonish = fc.string({
  unit: fc.constantFrom(...Array.from('{}[]",:-+.0123456789eEtrufalsn\\u \n')),
});

/** The example file's text with a random slice cut out and random text put in its place. */
const arbEditedText = fc
  .record({
    at: fc.nat(EXAMPLE.length),
    removed: fc.nat(40),
    inserted: fc.oneof(arbJsonish, fc.string({ maxLength: 4 })),
  })
  .map(
    ({ at, removed, inserted }) => EXAMPLE.slice(0, at) + inserted + EXAMPLE.slice(at + removed),
  );

interface Slot {
  readonly parent: object;
  readonly key: string | number;
}

/** Every place inside a parsed file that holds a value. */
function slotsOf(value: unknown): Slot[] {
  if (typeof value !== 'object' || value === null) return [];
  const keys: (string | number)[] = Array.isArray(value)
    ? value.map((_, i) => i)
    : Object.keys(value);
  return keys.flatMap((key) => [{ parent: value, key }, ...slotsOf(Reflect.get(value, key))]);
}
const SLOT_COUNT = slotsOf(JSON.parse(EXAMPLE)).length;

/** The example file's data with one value replaced by random JSON, or removed. */
const arbEditedData = fc
  .record({
    slot: fc.nat(SLOT_COUNT - 1),
    value: fc.option(fc.jsonValue({ maxDepth: 2 }), { nil: undefined }),
  })
  .map(({ slot, value }) => {
    const data: unknown = JSON.parse(EXAMPLE);
    const target = slotsOf(data)[slot];
    if (target === undefined) return data;
    if (value === undefined) Reflect.deleteProperty(target.parent, target.key);
    else Reflect.set(target.parent, target.key, value);
    return data;
  });

describe('importMapJson never throws', () => {
  it('on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), arbJsonish), (text) => {
        expectHandled(importMapJson(text));
      }),
      { numRuns: 300 },
    );
  });

  it('on arbitrary JSON values, as text and as objects', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expectHandled(importMapJson(JSON.stringify(value)));
        expectHandled(importMapObject(value));
      }),
      { numRuns: 300 },
    );
  });

  it('on valid files with random edits to their text', () => {
    fc.assert(
      fc.property(arbEditedText, (text) => {
        expectHandled(importMapJson(text));
      }),
      { numRuns: 300 },
    );
  });

  it('on valid files with a random value replaced or removed; what imports, round-trips', () => {
    fc.assert(
      fc.property(arbEditedData, (data) => {
        const result = importMapJson(JSON.stringify(data));
        expectHandled(result);
        if (result.ok)
          expect(importMapJson(exportMapJson(result.value.doc))).toEqual({
            ok: true,
            value: { doc: result.value.doc, warnings: [] },
          });
      }),
      { numRuns: 300 },
    );
  });
});

describe('the text check agrees with JSON.parse', () => {
  it('accepts exactly the texts JSON.parse accepts', () => {
    const arbText = fc.oneof(
      arbJsonish,
      arbEditedText,
      fc.jsonValue().map((v) => JSON.stringify(v)),
    );
    fc.assert(
      fc.property(arbText, (text) => {
        fc.pre(text.trim() !== '');
        let parses = true;
        try {
          JSON.parse(text);
        } catch {
          parses = false;
        }
        const { refused } = checkJsonText(text);
        // A parsable text is refused only for a section given twice, which JSON.parse allows.
        if (parses) expect(refused.filter((p) => !p.message.includes('given twice'))).toEqual([]);
        else expect(refused).toEqual([expect.objectContaining({ path: '' })]);
      }),
      { numRuns: 1000 },
    );
  });
});

/** JSON has no negative zero: -0 is written as 0, so generated numbers avoid it. */
const arbNumber = fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (n === 0 ? 0 : n));
const arbText = fc.string({ unit: 'binary', maxLength: 30 });

const arbMetric: fc.Arbitrary<Metric> = fc.record({
  unit: arbText,
  current: fc.option(arbNumber, { nil: null }),
  target: fc.option(arbNumber, { nil: null }),
  direction: fc.constantFrom('up', 'down'),
});

const arbPosition = fc.option(fc.record({ x: arbNumber, y: arbNumber, pinned: fc.boolean() }), {
  nil: null,
});

/** Random free text, positions and numbers on top of a random valid map's structure. */
const arbGoalDetails = (goal: Goal): fc.Arbitrary<Goal> =>
  fc
    .record({
      // Any text a person can read: a title of white space alone is refused (records/rules).
      title: fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }).filter((t) => !isBlank(t)),
      description: arbText,
      metric: goal.metric === null ? fc.constant(null) : arbMetric,
      position: arbPosition,
    })
    .map((details) => ({ ...goal, ...details }));

const arbDocument: fc.Arbitrary<MapDocument> = arbMapDocument({ maxGoals: 12 }).chain((doc) =>
  fc
    .record({
      goals: fc.tuple(...doc.goals.map(arbGoalDetails)),
      // People dragged on the canvas carry their place too (file format v2).
      places: fc.array(arbPosition, {
        minLength: doc.stakeholders.length,
        maxLength: doc.stakeholders.length,
      }),
      description: arbText,
    })
    .map(({ goals, places, description }) => ({
      ...doc,
      goals,
      stakeholders: doc.stakeholders.map((s, i) => ({ ...s, position: places[i] ?? null })),
      map: { ...doc.map, description },
    })),
);

describe('round trip', () => {
  it('import(export(doc)) gives the same document, and export is stable', () => {
    fc.assert(
      fc.property(arbDocument, (doc) => {
        const text = exportMapJson(doc);
        const result = importMapJson(text);
        if (!result.ok) throw new Error(result.error.map(formatProblem).join('\n'));
        expect(result.value).toEqual({ doc, warnings: [] });
        expect(exportMapJson(result.value.doc)).toBe(text);
      }),
      { numRuns: 100 },
    );
  });

  it('the file object survives the database path (structured clone, then importMapObject)', () => {
    fc.assert(
      fc.property(arbDocument, (doc) => {
        const result = importMapObject(structuredClone(toFileObject(doc)));
        expect(result).toEqual({ ok: true, value: { doc, warnings: [] } });
      }),
      { numRuns: 50 },
    );
  });

  it('export(import(file)) is stable for the fixture', () => {
    const first = importMapJson(EXAMPLE);
    if (!first.ok) throw new Error('example fixture must import');
    const text = exportMapJson(first.value.doc);
    const second = importMapJson(text);
    expect(second.ok && exportMapJson(second.value.doc)).toBe(text);
  });
});
