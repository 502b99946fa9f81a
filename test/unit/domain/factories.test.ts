import { describe, expect, it } from 'vitest';
import {
  createEmptyMap,
  DEFAULT_METRIC,
  newConflict,
  newGoal,
  newIncentive,
  newLink,
  newStakeholder,
  nextStakeholderColor,
  STAKEHOLDER_COLORS,
} from '../../../src/domain/factories';
import { asMapId } from '../../../src/domain/ids';
import { checkInvariants } from '../../../src/domain/invariants';
import { g, s } from './commands.fixture';

const NOW = '2026-03-01T09:00:00.000Z';

/** WCAG relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const channel = (at: number): number => {
    const c = parseInt(hex.slice(at, at + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

describe('createEmptyMap', () => {
  it('creates a valid map with nothing in it, created and updated now', () => {
    const doc = createEmptyMap('Acme', NOW, asMapId('m1'));
    expect(doc).toEqual({
      map: { id: 'm1', name: 'Acme', description: '', createdAt: NOW, updatedAt: NOW },
      goals: [],
      links: [],
      stakeholders: [],
      incentives: [],
      conflicts: [],
      tradeOffs: [],
      reportingLines: [],
    });
    expect(checkInvariants(doc)).toEqual([]);
  });

  it('generates distinct ids with the kind of record as prefix', () => {
    const a = createEmptyMap('A', NOW).map.id;
    expect(a).toMatch(/^m_[0-9a-z]{9}$/);
    expect(createEmptyMap('B', NOW).map.id).not.toBe(a);
    expect(newLink(g('g1'), g('g2')).id).toMatch(/^l_/);
    expect(newStakeholder({ name: 'Dana' }).id).toMatch(/^s_/);
    expect(newIncentive({ stakeholderId: s('s1'), goalId: g('g1'), kind: 'measured' }).id).toMatch(
      /^i_/,
    );
    expect(newConflict({ title: 'T', parties: [] }).id).toMatch(/^c_/);
  });
});

describe('newGoal', () => {
  it('fills defaults: an objective with no metric and no position', () => {
    expect(newGoal({ title: 'Revenue' })).toMatchObject({
      title: 'Revenue',
      kind: 'objective',
      description: '',
      metric: null,
      position: null,
    });
  });

  it('gives a KPI an empty metric unless told otherwise', () => {
    expect(newGoal({ title: 'Churn', kind: 'kpi' }).metric).toEqual({
      unit: '',
      current: null,
      target: null,
      direction: 'up',
    });
    expect(newGoal({ title: 'Churn', kind: 'kpi', metric: null }).metric).toBeNull();
    const metric = { ...DEFAULT_METRIC, unit: '%', direction: 'down' } as const;
    expect(newGoal({ title: 'Churn', kind: 'kpi', metric }).metric).toBe(metric);
    expect(newGoal({ title: 'Joy', kind: 'mission' }).metric).toBeNull();
  });
});

describe('stakeholder colours', () => {
  it('are readable under white text (contrast at least 4.5:1) and all different', () => {
    for (const color of STAKEHOLDER_COLORS) {
      expect(1.05 / (luminance(color) + 0.05)).toBeGreaterThanOrEqual(4.5);
    }
    expect(new Set(STAKEHOLDER_COLORS).size).toBe(STAKEHOLDER_COLORS.length);
  });

  it('go to a new stakeholder least used first, in palette order on a tie', () => {
    const people = STAKEHOLDER_COLORS.slice(0, 3).map((color) =>
      newStakeholder({ name: 'P', color: color.toUpperCase() }),
    );
    expect(newStakeholder({ name: 'Ola' }, people).color).toBe(STAKEHOLDER_COLORS[3]);
    const everyone = STAKEHOLDER_COLORS.map((color) => newStakeholder({ name: 'P', color }));
    expect(nextStakeholderColor(everyone)).toBe(STAKEHOLDER_COLORS[0]);
    expect(nextStakeholderColor([...everyone, ...people])).toBe(STAKEHOLDER_COLORS[3]);
  });

  it('fills the other stakeholder fields with empty text', () => {
    expect(newStakeholder({ name: 'Dana' })).toMatchObject({
      name: 'Dana',
      role: '',
      team: '',
      color: STAKEHOLDER_COLORS[0],
      notes: '',
    });
  });
});

describe('newIncentive and newConflict', () => {
  it('default an incentive to no weight and no note', () => {
    const tie = { stakeholderId: s('s1'), goalId: g('g1'), kind: 'rewarded' } as const;
    expect(newIncentive(tie)).toMatchObject({ ...tie, weight: null, note: '' });
  });

  it('open a conflict with an empty perspective for each party and no agreed goal', () => {
    const conflict = newConflict({ title: 'Pricing', parties: [s('s1'), s('toString')] });
    expect(conflict).toMatchObject({ status: 'open', agreedGoalId: null, notes: '' });
    // A party called "toString" gets an empty perspective, not one read off Object.prototype.
    expect({ ...conflict.perspectives }).toEqual({ s1: '', toString: '' });
    expect(Object.getPrototypeOf(conflict.perspectives)).toBeNull();
  });

  it('keep given perspectives for parties and drop the rest', () => {
    const conflict = newConflict({
      title: 'Pricing',
      parties: [s('s1'), s('s2')],
      perspectives: { s2: 'Margins', s9: 'not a party' },
    });
    expect({ ...conflict.perspectives }).toEqual({ s1: '', s2: 'Margins' });
  });
});
