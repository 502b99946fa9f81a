/**
 * A small frozen map for command tests, plus helpers that unwrap a command's result. The map is
 * deep-frozen, so a command that mutated its input would throw instead of passing silently.
 */
import { expect } from 'vitest';
import type { CommandError, CommandResult } from '../../../src/domain/commands';
import {
  newConflict,
  newGoal,
  newIncentive,
  newLink,
  newStakeholder,
} from '../../../src/domain/factories';
import {
  asConflictId,
  asGoalId,
  asIncentiveId,
  asLinkId,
  asMapId,
  asStakeholderId,
} from '../../../src/domain/ids';
import { checkInvariants } from '../../../src/domain/invariants';
import type { MapDocument } from '../../../src/domain/model';

export const g = asGoalId;
export const s = asStakeholderId;

export function deepFreeze<T>(value: T): T {
  freezeAll(value);
  return value;
}

/** Parts shared with an already frozen document are frozen already and are skipped. */
function freezeAll(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const item of Object.values(value)) freezeAll(item);
}

/**
 * Mission ← Revenue ← {Churn, New ARR}; Dana (sales) is rewarded on New ARR, Eli (finance) is
 * measured on Churn, Kim (product) holds nothing. Dana and Eli clash over discounting and agreed
 * on Revenue; all three clash over the roadmap.
 */
export function sampleMap(): MapDocument {
  return deepFreeze({
    map: {
      id: asMapId('m1'),
      name: 'Acme 2026',
      description: '',
      createdAt: '2026-01-01T00:00:00Z',
      updatedAt: '2026-01-02T00:00:00Z',
    },
    goals: [
      newGoal({ id: g('g1'), title: 'Make work joyful', kind: 'mission' }),
      newGoal({ id: g('g2'), title: 'Revenue' }),
      newGoal({ id: g('g3'), title: 'Churn', kind: 'kpi' }),
      newGoal({ id: g('g4'), title: 'New ARR', kind: 'kpi' }),
    ],
    links: [
      newLink(g('g2'), g('g1'), asLinkId('l1')),
      newLink(g('g3'), g('g2'), asLinkId('l2')),
      newLink(g('g4'), g('g2'), asLinkId('l3')),
    ],
    stakeholders: [
      newStakeholder({ id: s('s1'), name: 'Dana', role: 'VP Sales', color: '#1864ab' }),
      newStakeholder({ id: s('s2'), name: 'Eli', role: 'CFO', color: '#c2410c' }),
      newStakeholder({ id: s('s3'), name: 'Kim', role: 'CPO', color: '#2b7a3b' }),
    ],
    incentives: [
      newIncentive({
        id: asIncentiveId('i1'),
        stakeholderId: s('s1'),
        goalId: g('g4'),
        kind: 'rewarded',
        weight: 0.6,
      }),
      newIncentive({
        id: asIncentiveId('i2'),
        stakeholderId: s('s2'),
        goalId: g('g3'),
        kind: 'measured',
      }),
    ],
    conflicts: [
      newConflict({
        id: asConflictId('c1'),
        title: 'Discounting at quarter end',
        parties: [s('s1'), s('s2')],
        perspectives: { s2: 'Discounts eat the margin' },
        agreedGoalId: g('g2'),
      }),
      newConflict({
        id: asConflictId('c2'),
        title: 'Roadmap',
        parties: [s('s1'), s('s2'), s('s3')],
      }),
    ],
    tradeOffs: [],
    reportingLines: [],
  });
}

/** The edited document; also proves the edit kept every invariant. */
export function expectOk(result: CommandResult): MapDocument {
  if (!result.ok) throw new Error(`expected success, got ${result.error.message}`);
  expect(checkInvariants(result.value)).toEqual([]);
  return deepFreeze(result.value);
}

export function expectRefusal(result: CommandResult): CommandError {
  if (result.ok) throw new Error('expected the command to refuse');
  return result.error;
}
