import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asGoalId, asLinkId, asReportingLineId, asStakeholderId } from '../../../src/domain/ids';
import { checkInvariants } from '../../../src/domain/invariants';
import type { MapDocument } from '../../../src/domain/model';
import { repairMapDocument } from '../../../src/domain/repair';
import { arbMapDocumentV2 } from './arbitraries';

const link = (id: string, from: string, to: string) => ({
  id: asLinkId(id),
  from: asGoalId(from),
  to: asGoalId(to),
});

/** A random map with random extra links, lines and ties that may dangle, repeat or loop. */
const arbBroken: fc.Arbitrary<MapDocument> = arbMapDocumentV2(8).chain((doc) => {
  const goal = fc.constantFrom(...doc.goals.map((g) => g.id), asGoalId('gone'));
  const person = fc.constantFrom(...doc.stakeholders.map((s) => s.id), asStakeholderId('left'));
  return fc
    .record({
      links: fc.array(fc.tuple(fc.string({ maxLength: 3 }), goal, goal), { maxLength: 8 }),
      lines: fc.array(fc.tuple(fc.string({ maxLength: 3 }), person, person), { maxLength: 5 }),
      owner: person,
    })
    .map(({ links, lines, owner }) => ({
      ...doc,
      goals: doc.goals.map((g, i) => (i === 0 ? { ...g, owner } : g)),
      links: [
        ...doc.links,
        ...links
          .filter(([id]) => !doc.links.some((l) => l.id === `x${id}`))
          .map(([id, from, to]) => link(`x${id}`, from, to)),
      ].filter((l, i, all) => all.findIndex((m) => m.id === l.id) === i),
      reportingLines: [
        ...doc.reportingLines,
        ...lines.map(([id, from, to]) => ({
          id: asReportingLineId(`y${id}`),
          from,
          to,
        })),
      ].filter((r, i, all) => all.findIndex((m) => m.id === r.id) === i),
    }));
});

describe('repair', () => {
  it('leaves a valid map as it is', () => {
    fc.assert(
      fc.property(arbMapDocumentV2(), (doc) => {
        expect(repairMapDocument(doc)).toEqual({ doc, setAside: [] });
      }),
      { numRuns: 100 },
    );
  });

  it('always ends with a valid map, names every record it leaves out, and ignores list order', () => {
    fc.assert(
      fc.property(arbBroken, (doc) => {
        const { doc: repaired, setAside } = repairMapDocument(doc);
        expect(checkInvariants(repaired)).toEqual([]);
        for (const list of ['links', 'reportingLines'] as const) {
          const kept = new Set(repaired[list].map((r) => r.id));
          const named = new Set(setAside.filter((i) => i.list === list).map((i) => i.id));
          for (const record of doc[list])
            expect(kept.has(record.id) || named.has(record.id)).toBe(true);
        }
        const shuffled = {
          ...doc,
          links: [...doc.links].reverse(),
          reportingLines: [...doc.reportingLines].reverse(),
        };
        const again = repairMapDocument(shuffled);
        const ids = (d: MapDocument) => [
          d.links.map((l) => l.id).sort(),
          d.reportingLines.map((r) => r.id).sort(),
        ];
        expect(ids(again.doc)).toEqual(ids(repaired));
      }),
      { numRuns: 300 },
    );
  });

  it('in a cycle sets aside the link with the greatest id, and says so with goal titles', () => {
    const doc: MapDocument = {
      map: {
        id: 'm' as MapDocument['map']['id'],
        name: 'M',
        description: '',
        createdAt: '',
        updatedAt: '',
      },
      goals: ['a', 'b'].map((id) => ({
        id: asGoalId(id),
        title: `Goal ${id}`,
        kind: 'objective',
        description: '',
        metric: null,
        position: null,
        owner: null,
      })),
      links: [link('l2', 'a', 'b'), link('l1', 'b', 'a')],
      stakeholders: [],
      incentives: [],
      conflicts: [],
      tradeOffs: [],
      reportingLines: [],
    };
    const { doc: repaired, setAside } = repairMapDocument(doc);
    expect(repaired.links.map((l) => l.id)).toEqual(['l1']);
    expect(setAside).toEqual([
      expect.objectContaining({
        list: 'links',
        id: 'l2',
        cause: 'cycle',
        involves: ['a', 'b', 'a'],
        resolutions: [{ action: 'remove', label: 'Remove the link' }],
      }),
    ]);
    expect(setAside[0]?.message).toContain('"Goal a" → "Goal b" → "Goal a"');
  });
});
