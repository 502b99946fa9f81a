import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeMap } from '../../../src/cli/analysis';
import { runAnalyze, USAGE, type CliIo } from '../../../src/cli/analyze';
import { createExampleMap } from '../../../src/domain/exampleMap';
import { asConflictId, asGoalId, asIncentiveId, asStakeholderId } from '../../../src/domain/ids';
import { perspectivesRecord, type MapDocument } from '../../../src/domain/model';
import { exportMapJson } from '../../../src/io/json';
import { arbMapDocument } from '../domain/arbitraries';

const example = createExampleMap('2026-01-01T00:00:00.000Z');

/**
 * The example plus an intern measured on nothing and a side project in a tree of its own, so the
 * output shows the statuses the example itself never reaches.
 */
function withEdgeCases(doc: MapDocument): MapDocument {
  const person = (id: string, name: string) => ({
    id: asStakeholderId(id),
    name,
    role: name,
    team: 'Ops',
    color: '#7a5c00',
    notes: '',
    position: null,
  });
  const conflict = (id: string, parties: readonly string[]) => ({
    id: asConflictId(id),
    title: id,
    parties: parties.map(asStakeholderId),
    status: 'open' as const,
    perspectives: perspectivesRecord([]),
    agreedGoalId: null,
    notes: '',
    position: null,
  });
  const side = asGoalId('g-side');
  return {
    ...doc,
    goals: [
      ...doc.goals,
      {
        id: side,
        title: 'Side project',
        kind: 'mission',
        description: '',
        metric: null,
        position: null,
        owner: null,
      },
    ],
    stakeholders: [...doc.stakeholders, person('s-intern', 'Intern'), person('s-side', 'Tinkerer')],
    incentives: [
      ...doc.incentives,
      {
        id: asIncentiveId('i-side'),
        stakeholderId: asStakeholderId('s-side'),
        goalId: side,
        kind: 'motivated',
        weight: null,
        note: '',
      },
    ],
    conflicts: [
      ...doc.conflicts,
      conflict('c-intern', ['s-ceo', 's-intern']),
      conflict('c-side', ['s-ceo', 's-side']),
    ],
  };
}

function fakeIo(files: Readonly<Record<string, string>>) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    readBytes: (file) => {
      const text = files[file];
      return Promise.resolve(
        text === undefined
          ? { status: 'unreadable', reason: 'ENOENT' }
          : { status: 'read', bytes: new TextEncoder().encode(text) },
      );
    },
    out: (t) => out.push(t),
    err: (t) => err.push(t),
  };
  return { io, out, err };
}

describe('analyzeMap', () => {
  it('answers every conflict of the example with goal titles next to ids', () => {
    const analysis = analyzeMap(example);
    expect(analysis.map).toEqual({ id: 'm-northwind', name: 'Northwind Analytics' });
    expect(analysis.conflicts.map((c) => [c.id, c.result.status])).toEqual([
      ['c-hiring-plan', 'already-shared'],
      ['c-discounting', 'found'],
      ['c-lead-quality', 'found'],
      ['c-roadmap', 'found'],
      ['c-enterprise-sso', 'found'],
    ]);
    const discounting = analysis.conflicts[1]?.result;
    if (discounting?.status !== 'found') throw new Error('expected found');
    expect(discounting.answers[0]).toMatchObject({
      goalId: 'g-grow-arr',
      goalTitle: 'Grow ARR efficiently',
    });
    expect(discounting.answers[0]?.climbs[0]).toEqual({
      stakeholderId: 's-vp-sales',
      climb: 2,
      path: ['g-new-arr', 'g-win-deals', 'g-grow-arr'],
      pathTitles: ['New ARR', 'Win the right deals', 'Grow ARR efficiently'],
    });
  });

  it('is plain JSON: "no common goal" is null in the matrix, top goals carry titles', () => {
    const analysis = analyzeMap(withEdgeCases(example));
    expect(JSON.parse(JSON.stringify(analysis))).toEqual(analysis);
    const { matrix } = analysis;
    if (matrix === null) throw new Error('a small map has its matrix');
    const intern = matrix.stakeholders.indexOf(asStakeholderId('s-intern'));
    expect(matrix.climbs[intern]?.every((c) => c === null)).toBe(true);
    expect(matrix.nearest[0]?.at(-1)).toBeNull();
    expect(analysis.conflicts.at(-2)?.result).toEqual({
      status: 'party-without-incentives',
      parties: ['s-ceo', 's-intern'],
      partiesWithoutIncentives: ['s-intern'],
    });
    expect(analysis.conflicts.at(-1)?.result).toEqual({
      status: 'no-common-goal',
      parties: ['s-ceo', 's-side'],
      topGoals: [
        {
          stakeholderId: 's-ceo',
          topGoals: ['g-mission'],
          topGoalTitles: ['Every mid-market team decides with trustworthy data'],
        },
        { stakeholderId: 's-side', topGoals: ['g-side'], topGoalTitles: ['Side project'] },
      ],
    });
  });
});

describe('runAnalyze', () => {
  it('prints the analysis of a valid file and exits 0', async () => {
    const { io, out, err } = fakeIo({ 'map.json': exportMapJson(example) });
    expect(await runAnalyze(['map.json'], io)).toBe(0);
    expect(err).toEqual([]);
    expect(JSON.parse(out.join('\n'))).toEqual(JSON.parse(JSON.stringify(analyzeMap(example))));
  });

  it('prints each problem of an invalid file with the file name and exits 1', async () => {
    const { io, out, err } = fakeIo({ 'bad.json': '{"format": "common-ground", "version": 1}' });
    expect(await runAnalyze(['bad.json'], io)).toBe(1);
    expect(out).toEqual([]);
    expect(err.length).toBeGreaterThan(0);
    expect(err.every((line) => line.startsWith('bad.json: '))).toBe(true);
  });

  it('prints usage without a file and an error for an unreadable one, exit 2', async () => {
    const missing = fakeIo({});
    expect(await runAnalyze([], missing.io)).toBe(2);
    expect(missing.err).toEqual([USAGE]);
    const unreadable = fakeIo({});
    expect(await runAnalyze(['gone.json'], unreadable.io)).toBe(2);
    expect(unreadable.err).toEqual(['gone.json: cannot read the file (ENOENT)']);
  });
});

describe('any valid map analyses', () => {
  it('prints exactly analyzeMap as JSON, matrix rows on their own lines (random maps)', async () => {
    await fc.assert(
      fc.asyncProperty(arbMapDocument({ minStakeholders: 0, maxGoals: 12 }), async (doc) => {
        const { io, out, err } = fakeIo({ 'map.json': exportMapJson(doc) });
        expect(await runAnalyze(['map.json'], io)).toBe(0);
        expect(err).toEqual([]);
        const text = out.join('\n');
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(analyzeMap(doc))));
        const rows = text.split('\n').filter((line) => /^ {6}\[/.test(line));
        expect(rows).toHaveLength(doc.stakeholders.length * 2);
      }),
      { numRuns: 100 },
    );
  });
});
