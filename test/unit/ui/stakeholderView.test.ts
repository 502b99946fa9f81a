import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toHighlightLookup } from '../../../src/canvas/highlight';
import { addStakeholder } from '../../../src/domain/commands';
import { createExampleMap } from '../../../src/domain/exampleMap';
import { asStakeholderId } from '../../../src/domain/ids';
import { climbsOf, goalIndexOf } from '../../../src/domain/engine';
import {
  computeStakeholderView,
  toStakeholderHighlight,
} from '../../../src/ui/stakeholderView/stakeholderView';
import { arbMapDocument } from '../domain/arbitraries';
import { bruteDistances } from '../domain/bruteForce';

const example = createExampleMap('2026-01-01T00:00:00.000Z');
const s = asStakeholderId;

describe('computeStakeholderView', () => {
  it('lists Dana’s goals level by level and who else serves each', () => {
    const view = computeStakeholderView(example, s('s-vp-sales'));
    expect(view?.incentives.map((i) => i.goalId)).toEqual(['g-new-arr', 'g-win-rate']);
    expect(view?.reached.map((r) => [r.goalId, r.climb, r.sharedWith])).toEqual([
      ['g-new-arr', 0, []],
      ['g-win-rate', 0, []],
      ['g-win-deals', 1, []],
      ['g-grow-arr', 2, ['s-ceo', 's-cfo', 's-cmo', 's-head-product', 's-head-cs']],
      ['g-mission', 3, ['s-ceo', 's-cfo', 's-cmo', 's-cto', 's-head-product', 's-head-cs']],
    ]);
  });

  it('shows nothing above someone with no incentives, and nothing for a stranger', () => {
    const added = addStakeholder(example, { id: s('s-new'), name: 'New hire' });
    if (!added.ok) throw new Error(added.error.message);
    expect(computeStakeholderView(added.value, s('s-new'))?.reached).toEqual([]);
    expect(computeStakeholderView(example, s('s-nobody'))).toBeNull();
  });

  it('highlights every link inside up(P) in the person’s colour and nothing else', () => {
    const view = computeStakeholderView(example, s('s-vp-sales'));
    if (!view) throw new Error('Dana is in the example map');
    const lookup = toHighlightLookup(toStakeholderHighlight(example, view));
    expect([...lookup.goalColors.keys()].sort()).toEqual(view.reached.map((r) => r.goalId).sort());
    expect([...lookup.linkColors.keys()].sort()).toEqual([
      'g-grow-arr→g-mission',
      'g-new-arr→g-win-deals',
      'g-win-deals→g-grow-arr',
      'g-win-rate→g-win-deals',
    ]);
    expect([...lookup.parties]).toEqual(['s-vp-sales']);
    expect(lookup.goalColors.get('g-mission')).toEqual(['#2b7a3b']);
  });
});

describe('the engine’s climbsOf (the walk the stakeholder view reads) on random maps', () => {
  it('is up(P) with d_P as the brute-force reading of the definition computes it', () => {
    fc.assert(
      fc.property(arbMapDocument(), (doc) => {
        for (const person of doc.stakeholders) {
          const mine = climbsOf(goalIndexOf(doc), person.id);
          const brute = bruteDistances(doc, person.id);
          expect(new Map([...mine].sort())).toEqual(new Map([...brute].sort()));
        }
      }),
      { numRuns: 150 },
    );
  });
});
