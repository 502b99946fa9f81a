/**
 * JSON file format (the current version, v2): export and import (guards, validation and invariants included) of large
 * maps, against JSON.stringify / JSON.parse of the same file in the same run.
 */
import {
  asConflictId,
  asGoalId,
  asIncentiveId,
  asLinkId,
  asMapId,
  asStakeholderId,
} from '../../src/domain/ids';
import { perspectivesRecord, type Goal, type MapDocument } from '../../src/domain/model';
import { exportMapJson, importMapJson, importMapObject, toFileObject } from '../../src/io/json';
import { ms, percentile, samplerFor } from './table';
import type { BenchTable, Sampler, SuiteOptions } from './table';

const TARGETS_10K = { export: 100, import: 300 };

/** A deterministic map shaped like a real one: a tree of goals, 3 children each, KPIs at the leaves. */
export function bigMap(goalCount: number): MapDocument {
  const goals: Goal[] = Array.from({ length: goalCount }, (_, i) => ({
    id: asGoalId(`g${i}`),
    title: `Goal number ${i}`,
    kind: i === 0 ? 'mission' : i < 40 ? 'objective' : 'kpi',
    description: i % 4 === 0 ? `Why goal ${i} matters to the company.` : '',
    metric: i >= 40 ? { unit: '%', current: i % 97, target: 100, direction: 'up' } : null,
    position: { x: (i % 100) * 220, y: Math.floor(i / 100) * 140, pinned: i % 10 === 0 },
    owner: null,
  }));
  const links = goals.slice(1).map((goal, k) => ({
    id: asLinkId(`l${k + 1}`),
    from: goal.id,
    to: asGoalId(`g${Math.floor(k / 3)}`),
  }));
  const people = Math.max(2, Math.floor(goalCount / 20));
  const stakeholders = Array.from({ length: people }, (_, s) => ({
    id: asStakeholderId(`s${s}`),
    name: `Stakeholder ${s}`,
    role: 'Head of something',
    team: `Team ${s % 7}`,
    color: '#1971c2',
    notes: '',
    position: null,
  }));
  const incentives = Array.from({ length: people * 3 }, (_, k) => ({
    id: asIncentiveId(`i${k}`),
    stakeholderId: asStakeholderId(`s${k % people}`),
    goalId: asGoalId(`g${(k * 7919) % goalCount}`),
    kind: 'measured' as const,
    weight: 0.5,
    note: 'Half of the bonus',
  }));
  const conflicts = Array.from({ length: Math.floor(people / 2) }, (_, c) => {
    const parties = [asStakeholderId(`s${2 * c}`), asStakeholderId(`s${2 * c + 1}`)];
    return {
      id: asConflictId(`c${c}`),
      title: `Conflict ${c}`,
      parties,
      status: 'open' as const,
      perspectives: perspectivesRecord(parties.map((p) => [p, `What ${p} thinks`] as const)),
      agreedGoalId: null,
      notes: '',
    };
  });
  const map = {
    id: asMapId('bench'),
    name: `Bench ${goalCount}`,
    description: '',
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
  };
  return {
    map,
    goals,
    links,
    stakeholders,
    incentives,
    conflicts,
    tradeOffs: [],
    reportingLines: [],
  };
}

type Row = (string | number)[];

function measure(
  sample: Sampler,
  label: string,
  operation: string,
  ours: () => unknown,
  baseline: () => unknown,
  iterations: number,
  target?: number,
): Row {
  const oursMs = sample(ours, iterations);
  const baseMs = sample(baseline, iterations);
  const p50 = percentile(oursMs, 50);
  const base50 = percentile(baseMs, 50);
  const verdict = target === undefined ? '' : `≤ ${target} ms ${p50 <= target ? 'ok' : 'MISSED'}`;
  return [
    label,
    operation,
    ms(p50),
    ms(percentile(oursMs, 95)),
    ms(base50),
    (p50 / base50).toFixed(1),
    verdict,
  ];
}

const SIZES = [1_000, 10_000] as const;

export function run(options: SuiteOptions = {}): Promise<BenchTable[]> {
  const sample = samplerFor(options);
  const rows: Row[] = [];
  for (const goalCount of options.smoke ? SIZES.slice(0, 1) : SIZES) {
    const doc = bigMap(goalCount);
    const file = toFileObject(doc);
    const text = exportMapJson(doc);
    const imported = importMapJson(text);
    if (!imported.ok)
      throw new Error(`bench map does not import: ${imported.error[0]?.message ?? ''}`);
    const label = `${goalCount.toLocaleString('en')} goals (${(text.length / 1024 / 1024).toFixed(1)} MB)`;
    const iterations = goalCount >= 10_000 ? 15 : 60;
    const is10k = goalCount >= 10_000;
    rows.push(
      measure(
        sample,
        label,
        'export',
        () => exportMapJson(doc),
        () => JSON.stringify(file, null, 2),
        iterations,
        is10k ? TARGETS_10K.export : undefined,
      ),
      measure(
        sample,
        label,
        'import',
        () => importMapJson(text),
        () => JSON.parse(text),
        iterations,
        is10k ? TARGETS_10K.import : undefined,
      ),
      measure(
        sample,
        label,
        'import file object',
        () => importMapObject(file),
        () => structuredClone(file),
        iterations,
      ),
    );
  }
  return Promise.resolve([
    {
      title: 'JSON file format v2: export and import',
      columns: ['map', 'operation', 'p50 ms', 'p95 ms', 'baseline p50 ms', 'ratio', 'target (10k)'],
      rows,
      note:
        'Baseline in the same run: JSON.stringify(file object, null, 2) for export, JSON.parse(text) ' +
        'for import, structuredClone(file object) for importing a file object (how the database ' +
        'reloads maps). Import includes the text guards, prototype-key scan, zod validation, ' +
        'invariants and unknown-field warnings. ratio = ours / baseline.',
    },
  ]);
}
