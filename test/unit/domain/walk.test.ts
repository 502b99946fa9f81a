import { describe, expect, it } from 'vitest';
import { asGoalId, asStakeholderId } from '../../../src/domain/ids';
import { walkFrame } from '../../../src/domain/walk';
import type { CommonGoalAnswer } from '../../../src/domain/engine';

const g = asGoalId;
const answer: CommonGoalAnswer = {
  goalId: g('top'),
  totalClimb: 3,
  maxClimb: 2,
  climbs: [
    { stakeholderId: asStakeholderId('a'), climb: 2, path: [g('a0'), g('a1'), g('top')] },
    { stakeholderId: asStakeholderId('b'), climb: 1, path: [g('b0'), g('top')] },
  ],
};

describe('walkFrame', () => {
  it('starts with every party on its own incentive goal', () => {
    const f = walkFrame(answer, 0);
    expect(f.parties.map((p) => p.at)).toEqual(['a0', 'b0']);
    expect(f.met).toBe(false);
    expect(f.totalSteps).toBe(2);
  });

  it('walks everyone one level per step; an early arrival waits on the goal', () => {
    const f = walkFrame(answer, 1);
    expect(f.parties.map((p) => p.at)).toEqual(['a1', 'top']);
    expect(f.parties.map((p) => p.arrived)).toEqual([false, true]);
    expect(f.met).toBe(false);
  });

  it('meets at the nearest common goal after the longest climb', () => {
    const f = walkFrame(answer, 2);
    expect(f.met).toBe(true);
    expect(f.parties.map((p) => p.walked)).toEqual([
      ['a0', 'a1', 'top'],
      ['b0', 'top'],
    ]);
  });

  it('clamps steps outside the walk', () => {
    expect(walkFrame(answer, -3).step).toBe(0);
    expect(walkFrame(answer, 99).step).toBe(2);
  });

  it('is met at once when the parties already share the goal', () => {
    const shared: CommonGoalAnswer = {
      goalId: g('x'),
      totalClimb: 0,
      maxClimb: 0,
      climbs: [
        { stakeholderId: asStakeholderId('a'), climb: 0, path: [g('x')] },
        { stakeholderId: asStakeholderId('b'), climb: 0, path: [g('x')] },
      ],
    };
    expect(walkFrame(shared, 0).met).toBe(true);
  });
});
