import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkInvariants } from '../../../src/domain/invariants';
import { goalSteps, peopleSteps, contextOf } from './commandSteps';
import { deepFreeze, sampleMap } from './commands.fixture';

describe('random sequences of commands', () => {
  it('always leave a document that keeps every invariant, never touching their input', () => {
    const outcomes = new Map<string, number>();
    const count = (key: string) => outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
    fc.assert(
      fc.property(
        fc.array(fc.oneof(...goalSteps, ...peopleSteps), { minLength: 10, maxLength: 40 }),
        (steps) => {
          let doc = sampleMap();
          steps.forEach((step, i) => {
            const result = step.run(doc, contextOf(doc, i));
            count(result.ok ? 'ok' : result.error.code);
            if (result.ok) doc = deepFreeze(result.value);
            expect(checkInvariants(doc)).toEqual([]);
          });
          expect(doc.map.updatedAt).toBe(sampleMap().map.updatedAt);
        },
      ),
      { numRuns: 300 },
    );
    // The sequences must really exercise both edits and every kind of refusal.
    for (const outcome of ['ok', 'cycle', 'duplicate', 'invalid', 'not-found']) {
      expect(outcomes.get(outcome) ?? 0).toBeGreaterThan(50);
    }
  });
});
