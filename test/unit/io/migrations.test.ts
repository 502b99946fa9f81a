import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  asConflictId,
  asGoalId,
  asIncentiveId,
  asLinkId,
  asMapId,
  asReportingLineId,
  asStakeholderId,
  asTradeOffId,
} from '../../../src/domain/ids';
import { newGoal, newIncentive, newStakeholder } from '../../../src/domain/factories';
import { perspectivesRecord, type MapDocument } from '../../../src/domain/model';
import { CURRENT_VERSION, formatProblem, importMapJson } from '../../../src/io/json';
import { MIGRATIONS, migrate, type Migration } from '../../../src/io/json/migrations';

const FIXTURES = new URL('../../fixtures/', import.meta.url);

const g = asGoalId;
const s = asStakeholderId;

/**
 * What each frozen fixture must import as under the current format. When a new version changes
 * the document, update these; never the fixture files.
 */
const EXPECTED: Record<string, { doc: MapDocument; warnings: string[] }> = {
  'v1/example.json': {
    warnings: [],
    doc: {
      map: {
        id: asMapId('m1'),
        name: 'Acme 2026',
        description: 'Company goals and who is paid for what — Q1 planning',
        createdAt: '2026-01-01T00:00:00Z',
        updatedAt: '2026-01-02T09:30:00.000+01:00',
      },
      goals: [
        {
          id: g('g1'),
          title: 'Make work joyful',
          kind: 'mission',
          description: '',
          metric: null,
          position: null,
          owner: null,
        },
        {
          id: g('g2'),
          title: 'Net revenue retention',
          kind: 'kpi',
          description: '',
          metric: { unit: '%', current: 104, target: 115, direction: 'up' },
          position: { x: 0, y: 0, pinned: false },
          owner: null,
        },
        {
          id: g('g3'),
          title: 'Grow profitably',
          kind: 'objective',
          description: 'Revenue that does not cost us our margin.',
          metric: null,
          position: { x: -240.5, y: 180, pinned: true },
          owner: null,
        },
        {
          id: g('g4'),
          title: 'Average discount',
          kind: 'kpi',
          description: '',
          metric: { unit: '%', current: null, target: 8.5, direction: 'down' },
          position: null,
          owner: null,
        },
      ],
      links: [
        { id: asLinkId('l1'), from: g('g2'), to: g('g3') },
        { id: asLinkId('l2'), from: g('g3'), to: g('g1') },
        { id: asLinkId('l3'), from: g('g4'), to: g('g3') },
      ],
      stakeholders: [
        {
          id: s('s1'),
          name: 'Dana',
          role: 'VP Sales',
          team: 'Sales',
          color: '#d9480f',
          notes: '',
          position: null,
        },
        {
          id: s('s2'),
          name: 'Jörg',
          role: 'CFO',
          team: 'Finance',
          color: '#1971C2',
          notes: 'Owns the margin target.',
          position: null,
        },
      ],
      incentives: [
        {
          id: asIncentiveId('i1'),
          stakeholderId: s('s1'),
          goalId: g('g2'),
          kind: 'rewarded',
          weight: 0.6,
          note: '60% of bonus is new ARR',
        },
        {
          id: asIncentiveId('i2'),
          stakeholderId: s('s2'),
          goalId: g('g4'),
          kind: 'measured',
          weight: null,
          note: '',
        },
        {
          id: asIncentiveId('i3'),
          stakeholderId: s('s2'),
          goalId: g('g3'),
          kind: 'motivated',
          weight: null,
          note: '',
        },
      ],
      conflicts: [
        {
          id: asConflictId('c1'),
          title: 'Discounting at quarter end',
          parties: [s('s1'), s('s2')],
          status: 'open',
          perspectives: perspectivesRecord([
            ['s1', 'Deals slip without a discount.'],
            ['s2', ''],
          ]),
          agreedGoalId: null,
          notes: '',
        },
        {
          id: asConflictId('c2'),
          title: 'Who signs off on multi-year deals',
          parties: [s('s2'), s('s1')],
          status: 'resolved',
          perspectives: perspectivesRecord([
            ['s2', 'Finance signs off above 50k.'],
            ['s1', ''],
          ]),
          agreedGoalId: g('g3'),
          notes: 'Agreed in the March offsite.',
        },
      ],
      tradeOffs: [],
      reportingLines: [],
    },
  },
  'v1/minimal.json': {
    warnings: ['savedBy: unknown field, ignored'],
    doc: {
      map: {
        id: asMapId('m2'),
        name: 'Minimal',
        description: '',
        createdAt: '2026-03-01T12:00:00Z',
        updatedAt: '2026-03-01T12:00:00Z',
      },
      goals: [
        {
          id: g('mission'),
          title: 'Serve our customers',
          kind: 'mission',
          description: '',
          metric: null,
          position: null,
          owner: null,
        },
        {
          id: g('speed'),
          title: 'Ship faster',
          kind: 'objective',
          description: '',
          metric: null,
          position: null,
          owner: null,
        },
      ],
      links: [{ id: asLinkId('l1'), from: g('speed'), to: g('mission') }],
      stakeholders: [
        {
          id: s('cto'),
          name: 'CTO',
          role: '',
          team: '',
          color: '#2f9e44',
          notes: '',
          position: null,
        },
        {
          id: s('cmo'),
          name: 'CMO',
          role: '',
          team: '',
          color: '#ae3ec9',
          notes: '',
          position: null,
        },
      ],
      incentives: [
        {
          id: asIncentiveId('i1'),
          stakeholderId: s('cto'),
          goalId: g('speed'),
          kind: 'measured',
          weight: null,
          note: '',
        },
      ],
      conflicts: [
        {
          id: asConflictId('c1'),
          title: 'Roadmap ownership',
          parties: [s('cto'), s('cmo')],
          status: 'open',
          perspectives: perspectivesRecord([
            ['cto', ''],
            ['cmo', ''],
          ]),
          agreedGoalId: null,
          notes: '',
        },
      ],
      tradeOffs: [],
      reportingLines: [],
    },
  },
};

EXPECTED['v2/tradeoffs.json'] = {
  warnings: [],
  doc: {
    map: {
      id: asMapId('m-v2'),
      name: 'Trade-offs and reporting lines',
      description: 'Written by file format version 2.',
      createdAt: '2026-12-05T09:00:00.000Z',
      updatedAt: '2026-12-05T09:00:00.000Z',
    },
    goals: [
      newGoal({ id: g('g-mission'), title: 'Make reporting effortless', kind: 'mission' }),
      newGoal({ id: g('g-arr'), title: 'Grow ARR efficiently', owner: s('s-maya') }),
      newGoal({
        id: g('g-win'),
        title: 'Win rate',
        kind: 'kpi',
        metric: { unit: '%', current: 21, target: 25, direction: 'up' },
      }),
      newGoal({
        id: g('g-margin'),
        title: 'Gross margin',
        kind: 'kpi',
        metric: { unit: '%', current: 71, target: 75, direction: 'up' },
        position: { x: 320, y: 180, pinned: true },
        owner: s('s-tom'),
      }),
    ],
    links: [
      { id: asLinkId('l1'), from: g('g-arr'), to: g('g-mission') },
      { id: asLinkId('l2'), from: g('g-win'), to: g('g-arr') },
      { id: asLinkId('l3'), from: g('g-margin'), to: g('g-arr') },
    ],
    stakeholders: [
      newStakeholder({ id: s('s-maya'), name: 'Maya', role: 'CEO', color: '#1864ab' }),
      newStakeholder({
        id: s('s-dana'),
        name: 'Dana',
        role: 'VP Sales',
        color: '#2b7a3b',
        position: { x: -200, y: 420, pinned: true },
      }),
      newStakeholder({ id: s('s-tom'), name: 'Tom', role: 'CFO', color: '#c2410c' }),
    ],
    incentives: [
      newIncentive({
        id: asIncentiveId('i1'),
        stakeholderId: s('s-dana'),
        goalId: g('g-win'),
        kind: 'rewarded',
        weight: 0.6,
        note: '60% of bonus',
      }),
      newIncentive({
        id: asIncentiveId('i2'),
        stakeholderId: s('s-tom'),
        goalId: g('g-margin'),
        kind: 'measured',
      }),
    ],
    conflicts: [],
    tradeOffs: [
      {
        id: asTradeOffId('t1'),
        a: g('g-win'),
        b: g('g-margin'),
        note: 'A deeper discount wins the deal and lowers margin.',
      },
    ],
    reportingLines: [
      { id: asReportingLineId('r1'), from: s('s-dana'), to: s('s-maya') },
      { id: asReportingLineId('r2'), from: s('s-tom'), to: s('s-maya') },
    ],
  },
};

const versions = Array.from({ length: CURRENT_VERSION }, (_, i) => i + 1);
const fixturesOf = (version: number): string[] =>
  readdirSync(new URL(`v${version}/`, FIXTURES))
    .filter((name) => name.endsWith('.json'))
    .map((name) => `v${version}/${name}`);

describe('migrations meta-test', () => {
  it('run contiguously from version 1 and end at CURRENT_VERSION', () => {
    const steps = MIGRATIONS.map((m) => [m.from, m.to]);
    const expected = versions.slice(0, -1).map((v) => [v, v + 1]);
    expect(steps).toEqual(expected);
  });

  it.each(versions)('version %i has at least one frozen fixture', (version) => {
    expect(fixturesOf(version).length).toBeGreaterThan(0);
  });

  it('every fixture has an expected document, and every expectation a fixture', () => {
    expect(versions.flatMap(fixturesOf).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(versions.flatMap(fixturesOf))('%s imports cleanly as the expected document', (name) => {
    const result = importMapJson(readFileSync(new URL(name, FIXTURES), 'utf8'));
    if (!result.ok) throw new Error(result.error.map(formatProblem).join('\n'));
    expect(result.value.doc).toEqual(EXPECTED[name]?.doc);
    expect(result.value.warnings.map(formatProblem)).toEqual(EXPECTED[name]?.warnings);
  });
});

describe('migrate (the runner, with an injected list)', () => {
  const record = (from: number, field: string): Migration => ({
    from,
    to: from + 1,
    up: (data) => Object.assign({}, data, { version: from + 1, [field]: true }),
  });
  const fake = [record(1, 'sawStep1'), record(2, 'sawStep2')];

  it('applies every step from the file version up, in order', () => {
    expect(migrate({ version: 1 }, 1, fake, 3)).toEqual({
      ok: true,
      value: { version: 3, sawStep1: true, sawStep2: true },
    });
  });

  it('starts at the file version', () => {
    expect(migrate({ version: 2 }, 2, fake, 3)).toEqual({
      ok: true,
      value: { version: 3, sawStep2: true },
    });
  });

  it('returns current-version data untouched', () => {
    const data = { version: 3 };
    expect(migrate(data, 3, fake, 3)).toEqual({ ok: true, value: data });
  });

  it('refuses a gap in the chain instead of skipping it', () => {
    expect(migrate({}, 1, [record(2, 'sawStep2')], 3)).toEqual({
      ok: false,
      error: 'cannot convert a version 1 file: no migration to version 2',
    });
    const leap: Migration = { from: 1, to: 3, up: (data) => data };
    expect(migrate({}, 1, [leap], 3).ok).toBe(false);
  });

  it('uses the real list and CURRENT_VERSION by default', () => {
    const data = { version: CURRENT_VERSION };
    expect(migrate(data, CURRENT_VERSION)).toEqual({ ok: true, value: data });
  });
});
