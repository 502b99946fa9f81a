import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addGoal,
  addIncentive,
  linkGoals,
  removeGoals,
  removeStakeholder,
  renameMap,
  updateConflict,
  updateGoal,
} from '../../../src/domain/commands';
import { asIncentiveId, asLinkId } from '../../../src/domain/ids';
import { checkInvariants } from '../../../src/domain/invariants';
import { mergeDocuments, type MergedMap } from '../../../src/domain/merge';
import type { MapDocument } from '../../../src/domain/model';
import { contextOf, goalSteps, peopleSteps, type Step } from './commandSteps';
import { expectOk, g, sampleMap } from './commands.fixture';

/** Two unlinked goals, A and B, that both sides can link. */
const [a, b] = [g('a1'), g('b1')];
const withTwoGoals = (doc: MapDocument): MapDocument =>
  expectOk(addGoal(expectOk(addGoal(doc, { id: a, title: 'A' })), { id: b, title: 'B' }));

function merged(base: MapDocument, ours: MapDocument, theirs: MapDocument): MergedMap {
  const result = mergeDocuments(base, ours, theirs);
  if (!result.ok) throw new Error(`merge refused: ${JSON.stringify(result.error)}`);
  return result.value;
}

const titleOf = (doc: MapDocument, id: string) => doc.goals.find((goal) => goal.id === id)?.title;

/** Compares content regardless of record order (the two merge directions order lists differently). */
function sorted(doc: MapDocument): unknown {
  const byId = <T extends { readonly id: string }>(list: readonly T[]) =>
    [...list].sort((a, b) => a.id.localeCompare(b.id));
  return {
    map: doc.map,
    goals: byId(doc.goals),
    links: byId(doc.links),
    stakeholders: byId(doc.stakeholders),
    incentives: byId(doc.incentives),
    conflicts: byId(doc.conflicts),
  };
}

describe('mergeDocuments', () => {
  const base = sampleMap();
  const [first, second] = base.goals;
  if (!first || !second) throw new Error('sample map needs two goals');

  it('keeps edits of different goals from both sides', () => {
    const ours = expectOk(updateGoal(base, first.id, { title: 'Ours' }));
    const theirs = expectOk(updateGoal(base, second.id, { title: 'Theirs' }));
    const { doc, clashes } = merged(base, ours, theirs);
    expect(titleOf(doc, first.id)).toBe('Ours');
    expect(titleOf(doc, second.id)).toBe('Theirs');
    expect(clashes).toEqual([]);
  });

  it('keeps different fields of one goal from both sides', () => {
    const ours = expectOk(updateGoal(base, first.id, { title: 'Ours' }));
    const theirs = expectOk(updateGoal(base, first.id, { description: 'Theirs' }));
    const goal = merged(base, ours, theirs).doc.goals.find((x) => x.id === first.id);
    expect([goal?.title, goal?.description]).toEqual(['Ours', 'Theirs']);
  });

  it('lets ours win a field both changed, and reports the clash', () => {
    const ours = expectOk(updateGoal(base, first.id, { title: 'Ours' }));
    const theirs = expectOk(updateGoal(base, first.id, { title: 'Theirs' }));
    const { doc, clashes } = merged(base, ours, theirs);
    expect(titleOf(doc, first.id)).toBe('Ours');
    expect(clashes).toEqual([{ list: 'goals', id: first.id }]);
  });

  it('does not call it a clash when both made the same change', () => {
    const ours = expectOk(updateGoal(base, first.id, { title: 'Same' }));
    const theirs = expectOk(updateGoal(base, first.id, { title: 'Same' }));
    expect(merged(base, ours, theirs).clashes).toEqual([]);
  });

  it('removes what one side removed, with the links and incentives that named it', () => {
    const theirs = expectOk(removeGoals(base, [second.id]));
    const ours = expectOk(updateGoal(base, first.id, { title: 'Ours' }));
    const { doc } = merged(base, ours, theirs);
    expect(doc.goals.some((x) => x.id === second.id)).toBe(false);
    expect(checkInvariants(doc)).toEqual([]);
  });

  it('keeps a record one side removed when the other side changed it', () => {
    const theirs = expectOk(removeGoals(base, [second.id]));
    const ours = expectOk(updateGoal(base, second.id, { title: 'Still needed' }));
    const { doc, clashes } = merged(base, ours, theirs);
    expect(titleOf(doc, second.id)).toBe('Still needed');
    expect(clashes).toEqual([{ list: 'goals', id: second.id }]);
  });

  it('drops what ours added onto a record theirs removed', () => {
    const person = base.stakeholders[0];
    if (!person) throw new Error('sample map needs a stakeholder');
    const theirs = expectOk(removeStakeholder(base, person.id));
    const withGoal = expectOk(addGoal(base, { id: g('fresh'), title: 'Fresh', kind: 'kpi' }));
    const ours = expectOk(
      addIncentive(withGoal, {
        id: asIncentiveId('i-new'),
        stakeholderId: person.id,
        goalId: g('fresh'),
        kind: 'measured',
      }),
    );
    const { doc } = merged(base, ours, theirs);
    expect(titleOf(doc, 'fresh')).toBe('Fresh');
    expect(doc.incentives.some((i) => i.id === asIncentiveId('i-new'))).toBe(false);
    expect(checkInvariants(doc)).toEqual([]);
  });

  it('keeps a perspective for exactly the parties that won, with its text, either way round', () => {
    const conflict = base.conflicts[0];
    const [dana, eli, kim] = base.stakeholders.map((s) => s.id);
    if (!conflict || !dana || !eli || !kim)
      throw new Error('sample map needs a conflict and three people');
    // Ours only reorders the parties; theirs swaps one: parties clash, perspectives do not.
    const ours = expectOk(updateConflict(base, conflict.id, { parties: [eli, dana] }));
    const theirs = expectOk(updateConflict(base, conflict.id, { parties: [kim, dana] }));
    for (const [one, other] of [
      [ours, theirs],
      [theirs, ours],
    ] as const) {
      const result = mergeDocuments(base, one, other);
      expect(result.ok).toBe(true);
      if (!result.ok) continue;
      const kept = result.value.doc.conflicts.find((c) => c.id === conflict.id);
      const winner = one.conflicts.find((c) => c.id === conflict.id);
      expect(kept?.parties).toEqual(winner?.parties);
      expect({ ...kept?.perspectives }).toEqual({ ...winner?.perspectives });
      expect(checkInvariants(result.value.doc)).toEqual([]);
    }
  });

  it('keeps one of two identical links both sides added, the same one either way round', () => {
    const both = withTwoGoals(base);
    const ours = expectOk(linkGoals(both, a, b, asLinkId('l-ours')));
    const theirs = expectOk(linkGoals(both, a, b, asLinkId('l-theirs')));
    const linksFrom = (doc: MapDocument) => doc.links.filter((l) => l.from === a).map((l) => l.id);
    expect(linksFrom(merged(both, ours, theirs).doc)).toEqual([asLinkId('l-ours')]);
    expect(linksFrom(merged(both, theirs, ours).doc)).toEqual([asLinkId('l-ours')]);
  });

  it('refuses when the two sides together close a cycle', () => {
    const both = withTwoGoals(base);
    const ours = expectOk(linkGoals(both, a, b, asLinkId('l-up')));
    const theirs = expectOk(linkGoals(both, b, a, asLinkId('l-down')));
    const result = mergeDocuments(both, ours, theirs);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error[0]?.message).toMatch(/cycle/);
  });

  it('merges the map name like any field and stamps the later time', () => {
    const ours = {
      ...expectOk(renameMap(base, 'Renamed')),
      map: { ...base.map, name: 'Renamed', updatedAt: '2026-05-02T00:00:00.000Z' },
    };
    const theirs = { ...base, map: { ...base.map, updatedAt: '2026-05-01T00:00:00.000Z' } };
    const { doc, clashes } = merged(base, ours, theirs);
    expect([doc.map.name, doc.map.updatedAt]).toEqual(['Renamed', '2026-05-02T00:00:00.000Z']);
    expect(clashes).toEqual([]);
  });
});

/** An independent edit sequence on `doc`; fresh ids carry `side` so two sequences never collide. */
function runSteps(doc: MapDocument, steps: readonly Step[], side: string): MapDocument {
  return steps.reduce((current, step, i) => {
    const result = step.run(current, contextOf(current, i, side));
    return result.ok ? result.value : current;
  }, doc);
}

const arbSteps = fc.array(fc.oneof(...goalSteps, ...peopleSteps), { maxLength: 12 });

describe('mergeDocuments on random concurrent edits', () => {
  const base = sampleMap();

  it('changes nothing when only one side edited', () => {
    fc.assert(
      fc.property(arbSteps, (steps) => {
        const edited = runSteps(base, steps, 'a');
        expect(merged(base, edited, base).doc).toEqual(edited);
        expect(merged(base, base, edited).doc).toEqual(edited);
        expect(merged(base, edited, edited).doc).toEqual(edited);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps every invariant, or refuses, and agrees both ways round when nothing clashed', () => {
    const outcomes = { merged: 0, clashed: 0 };
    fc.assert(
      fc.property(arbSteps, arbSteps, (oursSteps, theirsSteps) => {
        const ours = runSteps(base, oursSteps, 'a');
        const theirs = runSteps(base, theirsSteps, 'b');
        const there = mergeDocuments(base, ours, theirs);
        const back = mergeDocuments(base, theirs, ours);
        expect(there.ok).toBe(back.ok);
        if (!there.ok || !back.ok) return;
        expect(checkInvariants(there.value.doc)).toEqual([]);
        if (there.value.clashes.length > 0) {
          outcomes.clashed += 1;
          return;
        }
        outcomes.merged += 1;
        expect(back.value.clashes).toEqual([]);
        expect(sorted(there.value.doc)).toEqual(sorted(back.value.doc));
      }),
      { numRuns: 500 },
    );
    // The random edits must exercise clean merges and clashes; refusals (two new links closing a
    // cycle together) are rare here, so the example above pins them.
    expect(outcomes.merged).toBeGreaterThan(100);
    expect(outcomes.clashed).toBeGreaterThan(10);
  });

  it('keeps every goal title one side changed and the other left alone', () => {
    fc.assert(
      fc.property(arbSteps, arbSteps, (oursSteps, theirsSteps) => {
        const ours = runSteps(base, oursSteps, 'a');
        const theirs = runSteps(base, theirsSteps, 'b');
        const result = mergeDocuments(base, ours, theirs);
        if (!result.ok) return;
        for (const goal of ours.goals) {
          const before = base.goals.find((x) => x.id === goal.id);
          const other = theirs.goals.find((x) => x.id === goal.id);
          if (!before || !other || other.title !== before.title) continue;
          expect(titleOf(result.value.doc, goal.id)).toBe(goal.title);
        }
      }),
      { numRuns: 300 },
    );
  });
});
